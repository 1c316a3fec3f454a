package com.anycompany.shop.xraylocal.graph;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphIndexTests {

	private final SegmentParser parser = new SegmentParser();

	private final GraphIndex index = new GraphIndex();

	private final TraceStore store = new TraceStore(new TraceStore.Limits(60, 100_000, 100_000_000, 100, 3_600_000),
			Clock.systemUTC(), this.index);

	private void add(Json document) {
		try {
			this.store.add(this.parser.parseDocument(document.json()));
		}
		catch (Rejection ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every node and edge with its figures, in a comparable form. */
	private static List<String> describe(ServiceGraph graph) {
		List<String> lines = new ArrayList<>();
		for (ServiceGraph.Node node : graph.nodes()) {
			lines.add(node.key() + " root=" + node.root() + " " + figures(node.stats()));
			for (ServiceGraph.Edge edge : node.edges()) {
				lines.add("  -> " + edge.target() + " " + figures(edge.stats()));
			}
		}
		return lines;
	}

	private static String figures(Stats stats) {
		return String.format("ok=%d err=%d thr=%d fault=%d time=%.6f hist=%s", stats.ok(), stats.errorOther(),
				stats.throttle(), stats.fault(), stats.totalResponseTime(), stats.histogram().buckets());
	}

	private List<String> scan(double start, double end) {
		ServiceGraph graph = new ServiceGraph();
		for (Trace trace : this.store.snapshot()) {
			double traceStart = trace.facts().startTime();
			if (Math.floor(traceStart / 60) >= Math.floor(start / 60)
					&& Math.floor(traceStart / 60) <= Math.floor(end / 60)) {
				graph.add(trace.facts());
			}
		}
		return describe(graph);
	}

	@Test
	void keepsTheSameFiguresAsReadingEveryTraceWhileTracesChangeAndGo() {
		Random random = new Random(11);
		double base = 1_800_000_000;
		List<Json> pending = new ArrayList<>();
		for (int round = 0; round < 40; round++) {
			for (int i = 0; i < 10; i++) {
				double start = base + random.nextInt(600);
				List<Json> documents = (random.nextBoolean()) ? TestTraces.order(Json.newTraceId(), start)
						: TestTraces.product(Json.newTraceId(), start, "P-1", random.nextInt(4) == 0);
				// some documents arrive now, in progress first, some only in a later
				// round
				for (Json document : documents) {
					if (random.nextInt(5) == 0) {
						pending.add(document);
					}
					else {
						if (random.nextInt(4) == 0) {
							add(document.inProgressCopy());
							if (random.nextBoolean()) {
								continue;
							}
						}
						add(document);
					}
				}
			}
			if (round % 3 == 0) {
				pending.forEach(this::add);
				pending.clear();
			}
			double start = base + random.nextInt(300);
			double end = start + random.nextInt(400);
			assertThat(describe(this.index.graph(start, end))).as("round %d", round).isEqualTo(scan(start, end));
		}
		assertThat(this.store.stats().evictedTraces()).isPositive();
	}

	@Test
	void aSeriesAddsUpToTheGraphOfItsRange() {
		double base = 1_800_000_000 - 1_800_000_000 % 300;
		Random random = new Random(5);
		for (int i = 0; i < 50; i++) {
			TestTraces.product(Json.newTraceId(), base + random.nextInt(900), "P-1", i % 5 == 0).forEach(this::add);
		}
		var series = this.index.series(base, base + 899, 300);
		assertThat(series.keySet()).containsExactly((long) base, (long) base + 300, (long) base + 600);
		ServiceGraph summed = new ServiceGraph();
		series.values().forEach((graph) -> summed.addAll(graph, base, base + 899));
		assertThat(describe(summed)).isEqualTo(scan(base, base + 899));
	}

	@Test
	void ingestKeepsTheIndexCurrent() {
		Ingest ingest = new Ingest(this.parser, this.store, this.index::refresh);
		List<String> documents = new ArrayList<>();
		while (documents.size() < Ingest.BATCH + 10) {
			TestTraces.order(Json.newTraceId(), 1_800_000_000).forEach((d) -> documents.add(d.json()));
		}
		for (int i = 0; i < Ingest.BATCH - 1; i++) {
			ingest.document(documents.get(i));
		}
		assertThat(this.index.pending()).isPositive();
		ingest.document(documents.get(Ingest.BATCH - 1));
		assertThat(this.index.pending()).isZero();
		ingest.document(documents.get(Ingest.BATCH));
		assertThat(this.index.pending()).isOne();
		ingest.flush();
		assertThat(this.index.pending()).isZero();
	}

}
