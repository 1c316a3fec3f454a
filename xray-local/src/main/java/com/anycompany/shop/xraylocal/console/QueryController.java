package com.anycompany.shop.xraylocal.console;

import java.util.List;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.query.AnnotationValues;
import com.anycompany.shop.xraylocal.query.Operations;
import com.anycompany.shop.xraylocal.query.TraceQuery;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's own questions, which the X-Ray API has no operation for:
 * {@code GET /local/operations} (rate, errors and duration per service and operation) and
 * {@code GET /local/annotations} (the annotation values seen, most frequent first). Both
 * take a window ({@code start}, {@code end}, epoch seconds) and an optional filter
 * expression narrowing it to some traces (the console passes its group this way).
 * Computed here, over every stored trace, because the browser sees only pages of
 * summaries.
 */
@RestController
class QueryController {

	/**
	 * Members in lowerCamelCase, as every {@code /local/} answer (the shared mapper
	 * writes the X-Ray API's PascalCase).
	 */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Values offered per annotation key when the request names no number. */
	static final int DEFAULT_TOP = 10;

	private final Operations operations;

	private final AnnotationValues annotations;

	private final FilterParser.Groups groups;

	QueryController(TraceStore store, FilterParser.Groups groups) {
		TraceQuery traces = new TraceQuery(store);
		this.operations = new Operations(traces);
		this.annotations = new AnnotationValues(traces);
		this.groups = groups;
	}

	record OperationsJson(double start, double end, List<Operations.Row> rows) {
	}

	record AnnotationsJson(double start, double end, List<AnnotationValues.Key> keys) {
	}

	@GetMapping(path = "/local/operations", produces = MediaType.APPLICATION_JSON_VALUE)
	String operations(@RequestParam double start, @RequestParam double end,
			@RequestParam(required = false) String filter) {
		checkRange(start, end);
		return JSON.writeValueAsString(new OperationsJson(start, end,
				this.operations.of(start, end, FilterParser.parse(filter, this.groups))));
	}

	@GetMapping(path = "/local/annotations", produces = MediaType.APPLICATION_JSON_VALUE)
	String annotations(@RequestParam double start, @RequestParam double end,
			@RequestParam(required = false) String filter, @RequestParam(defaultValue = "" + DEFAULT_TOP) int top) {
		checkRange(start, end);
		if (top < 1 || top > 1000) {
			throw ApiException.invalid("top must be between 1 and 1000");
		}
		Filter parsed = FilterParser.parse(filter, this.groups);
		return JSON.writeValueAsString(new AnnotationsJson(start, end, this.annotations.of(start, end, parsed, top)));
	}

	private static void checkRange(double start, double end) {
		if (!(end >= start)) {
			throw ApiException.invalid("end must not be before start");
		}
	}

}
