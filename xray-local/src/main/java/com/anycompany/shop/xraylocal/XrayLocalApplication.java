package com.anycompany.shop.xraylocal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * xray-local: the X-Ray daemon, API and console on one port, for a laptop.
 */
@SpringBootApplication
@EnableConfigurationProperties(XrayLocalProperties.class)
public class XrayLocalApplication {

	public static void main(String[] args) {
		SpringApplication.run(XrayLocalApplication.class, args);
	}

}
