package com.anycompany.shop.xraylocal.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.anycompany.shop.xraylocal.web.ApiException;

/**
 * Tags of groups and sampling rules, by ARN, as X-Ray keeps them: at most 50 per
 * resource, keys 1-128 characters and values up to 256, no {@code aws:} keys (AWS keeps
 * those for itself). Whether an ARN names a resource is the callers' business.
 */
public final class Tags {

	/** X-Ray's limit of tags per resource. */
	public static final int MAX_PER_RESOURCE = 50;

	private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();

	public record Tag(String key, String value) {
	}

	/** Adds or replaces tags; all or none. */
	public synchronized void put(String arn, List<Tag> tags) {
		Map<String, String> changed = new LinkedHashMap<>(this.byArn.getOrDefault(arn, Map.of()));
		for (Tag tag : tags) {
			check(tag);
			changed.put(tag.key(), tag.value());
		}
		if (changed.size() > MAX_PER_RESOURCE) {
			throw ApiException.of("TooManyTagsException",
					"A resource can have at most " + MAX_PER_RESOURCE + " tags: " + arn);
		}
		if (!changed.isEmpty()) {
			this.byArn.put(arn, changed);
		}
	}

	public synchronized void remove(String arn, List<String> keys) {
		Map<String, String> current = this.byArn.get(arn);
		if (current == null) {
			return;
		}
		Map<String, String> changed = new LinkedHashMap<>(current);
		keys.forEach(changed::remove);
		if (changed.isEmpty()) {
			this.byArn.remove(arn);
		}
		else {
			this.byArn.put(arn, changed);
		}
	}

	public List<Tag> list(String arn) {
		List<Tag> tags = new ArrayList<>();
		this.byArn.getOrDefault(arn, Map.of()).forEach((key, value) -> tags.add(new Tag(key, value)));
		return tags;
	}

	/** A deleted resource's tags go with it. */
	public void forget(String arn) {
		this.byArn.remove(arn);
	}

	/** Checks tags for a resource about to be made, before it is made. */
	public static void check(List<Tag> tags) {
		tags.forEach(Tags::check);
		if (tags.stream().map(Tag::key).distinct().count() > MAX_PER_RESOURCE) {
			throw ApiException.of("TooManyTagsException", "A resource can have at most " + MAX_PER_RESOURCE + " tags");
		}
	}

	private static void check(Tag tag) {
		if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
			throw ApiException.invalid("A tag key must be 1 to 128 characters");
		}
		if (tag.value() == null || tag.value().length() > 256) {
			throw ApiException.invalid("A tag value must be 0 to 256 characters: " + tag.key());
		}
		if (tag.key().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
			throw ApiException.invalid("Tag keys starting with aws: are reserved: " + tag.key());
		}
	}

}
