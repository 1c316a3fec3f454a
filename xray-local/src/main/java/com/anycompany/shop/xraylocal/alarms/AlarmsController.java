package com.anycompany.shop.xraylocal.alarms;

import java.util.List;

import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * xray-local's own API for what X-Ray hands to CloudWatch (there is no CloudWatch
 * locally): a group's per-period metrics, and alarms on them. Shapes follow CloudWatch's
 * names (MetricAlarms, StateValue, AlarmHistoryItems) so they read familiar.
 */
@RestController
class AlarmsController {

	/** Periods of metrics answered at most. */
	static final int MAX_POINTS = 1440;

	private final Alarms alarms;

	private final Groups groups;

	private final TraceStore store;

	private final JsonMapper mapper;

	record MetricsResult(String groupName, int period, List<String> metricNames, List<GroupMetrics.Point> points) {
	}

	record AlarmsResult(List<Alarms.View> metricAlarms) {
	}

	AlarmsController(Alarms alarms, Groups groups, TraceStore store, JsonMapper mapper) {
		this.alarms = alarms;
		this.groups = groups;
		this.store = store;
		this.mapper = mapper;
	}

	@GetMapping("/local/groups/metrics")
	ResponseEntity<MetricsResult> metrics(@RequestParam(defaultValue = "Default") String group,
			@RequestParam(required = false) Long start, @RequestParam(required = false) Long end) {
		int period = this.alarms.periodSeconds();
		long now = System.currentTimeMillis() / 1000;
		long to = (end != null) ? end : now;
		long from = (start != null) ? start : to - 30L * period;
		if (to < from) {
			throw ApiException.invalid("end must not be before start");
		}
		from = Math.floorDiv(from, period) * period;
		int periods = (int) Math.min(MAX_POINTS, (to - from) / period + 1);
		List<GroupMetrics.Point> points = GroupMetrics.series(this.store, this.groups.filter(group, null), from,
				periods, period);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new MetricsResult(this.groups.find(group, null).name(), period, GroupMetrics.NAMES, points));
	}

	@GetMapping("/local/alarms")
	ResponseEntity<AlarmsResult> list() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AlarmsResult(this.alarms.all()));
	}

	@PostMapping("/local/alarms")
	ResponseEntity<Alarms.View> put(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String comparison = Bodies.string(request, "ComparisonOperator", 0, 64);
		Alarms.Comparison operator = null;
		for (Alarms.Comparison c : Alarms.Comparison.values()) {
			if (c.name().equals(comparison)) {
				operator = c;
			}
		}
		Double threshold = Bodies.number(request, "Threshold", -Double.MAX_VALUE, Double.MAX_VALUE);
		if (threshold == null) {
			throw ApiException.invalid("Threshold is required");
		}
		Integer periods = Bodies.integer(request, "EvaluationPeriods", 1, 100);
		Alarms.View view = this.alarms.put(new Alarms.Definition(Bodies.required(request, "AlarmName", 1, 255),
				Bodies.required(request, "GroupName", 1, 32), Bodies.required(request, "MetricName", 1, 64), operator,
				threshold, (periods != null) ? periods : 1));
		return ResponseEntity.status(HttpStatus.CREATED).body(view);
	}

	@DeleteMapping("/local/alarms/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.alarms.delete(name);
		return ResponseEntity.noContent().build();
	}

}
