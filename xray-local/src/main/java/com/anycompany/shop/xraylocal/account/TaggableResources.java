package com.anycompany.shop.xraylocal.account;

/**
 * Whether an ARN names a resource X-Ray can tag here: a group or a sampling rule. Given
 * by the configuration, so this package needs neither of theirs.
 */
@FunctionalInterface
public interface TaggableResources {

	boolean exists(String arn);

}
