package com.anycompany.shop.e2e;

import java.util.List;
import java.util.Map;

import com.anycompany.shop.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The matrix's soft assertions: every violated case reported, each as it was before. */
class MatrixTests {

	@Test
	void everyViolationIsReportedWithItsCaseAndAnswer() {
		Matrix matrix = new Matrix();
		matrix.check("GET /a", answer(400, "application/problem+json", "{\"status\":400,\"title\":\"Bad Request\"}"),
				Matrix.Format.PROBLEM_DETAILS, 400);
		matrix.check("GET /b", answer(500, "text/html", "<p>oops</p>"), Matrix.Format.PROBLEM_DETAILS, 400);
		matrix.check("GET /c", answer(400, "application/json", "{\"timestamp\":1}"), Matrix.Format.PROBLEM_DETAILS,
				400);

		assertThat(matrix.size()).isEqualTo(3);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> matrix.assertAll("test cases"))
			.withMessageContaining("GET /b -> 500: a server error | text/html <p>oops</p>")
			.withMessageContaining("GET /c -> 400: not application/problem+json")
			.withMessageNotContaining("GET /a");
	}

	@Test
	void aMatrixWithoutViolationsPasses() {
		Matrix matrix = new Matrix();
		matrix.check("GET /", answer(302, "text/html", ""), Matrix.Format.SHOP_PAGE, 302);
		matrix.assertAll("test cases");
		assertThat(matrix.size()).isEqualTo(1);
	}

	private static RawHttp.Response answer(int status, String type, String body) {
		Map<String, List<String>> headers = (status == 302)
				? Map.of("content-type", List.of(type), "location", List.of("/home"))
				: Map.of("content-type", List.of(type));
		return new RawHttp.Response(status, headers, body);
	}

}
