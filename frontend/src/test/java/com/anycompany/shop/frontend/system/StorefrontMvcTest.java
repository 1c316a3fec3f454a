package com.anycompany.shop.frontend.system;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.anycompany.shop.frontend.cart.CartClient;
import com.anycompany.shop.frontend.cart.CartContents;
import com.anycompany.shop.frontend.checkout.OrderClient;
import com.anycompany.shop.frontend.image.ImageClient;
import com.anycompany.shop.frontend.product.CatalogClient;
import com.anycompany.shop.frontend.product.ProductPage;
import com.anycompany.shop.frontend.product.RecommenderClient;
import com.anycompany.shop.tracing.TraceAnnotations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.util.StringUtils;

/**
 * The web slice every controller test runs in: the storefront's controllers, advice,
 * interceptor and security configuration, with every downstream client mocked. One slice
 * for all controller tests, so Spring builds its context once for all of them.
 */
@WebMvcTest(excludeAutoConfiguration = UserDetailsServiceAutoConfiguration.class)
@Import({ SecurityConfiguration.class, ProductPage.class, CartContents.class })
public abstract class StorefrontMvcTest {

	@Autowired
	protected MockMvc mvc;

	@MockitoBean
	protected CatalogClient catalog;

	@MockitoBean
	protected RecommenderClient recommender;

	@MockitoBean
	protected CartClient carts;

	@MockitoBean
	protected OrderClient orders;

	@MockitoBean
	protected ImageClient images;

	@MockitoBean
	protected TraceAnnotations traceAnnotations;

	/** The page a request rendered. */
	protected static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** How many elements carry this data-test hook. */
	protected static int count(String html, String hook) {
		return StringUtils.countOccurrencesOf(html, "data-test=\"" + hook + "\"");
	}

	/** The text of the first element with this data-test hook (no nested elements). */
	protected static String textOf(String html, String hook) {
		Matcher matcher = Pattern.compile("data-test=\"" + Pattern.quote(hook) + "\"[^>]*>([^<]*)<").matcher(html);
		return matcher.find() ? matcher.group(1).strip() : null;
	}

}
