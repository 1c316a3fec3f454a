package com.anycompany.shop.xraylocal.api;

import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.account.Tags;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CreateGroup, GetGroups, GetGroup, UpdateGroup and DeleteGroup.
 */
@RestController
class GroupController {

	private final Groups groups;

	private final JsonMapper mapper;

	private final Tags tags;

	GroupController(Groups groups, Tags tags, JsonMapper mapper) {
		this.groups = groups;
		this.tags = tags;
		this.mapper = mapper;
	}

	@PostMapping("/CreateGroup")
	XrayJson.GroupResult createGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		JsonNode insights = Bodies.object(request, "InsightsConfiguration", false);
		List<Tags.Tag> tags = Bodies.objects(request, "Tags")
			.stream()
			.map((tag) -> new Tags.Tag(Bodies.required(tag, "Key", 1, 128), Bodies.required(tag, "Value", 0, 256)))
			.toList();
		Tags.check(tags);
		Groups.Group group = this.groups.create(Bodies.string(request, "GroupName", 0, Integer.MAX_VALUE),
				Bodies.string(request, "FilterExpression", 0, Integer.MAX_VALUE),
				(insights != null) ? Bodies.bool(insights, "InsightsEnabled") : null,
				(insights != null) ? Bodies.bool(insights, "NotificationsEnabled") : null);
		this.tags.put(group.arn(), tags);
		return new XrayJson.GroupResult(json(group));
	}

	@PostMapping("/Groups")
	XrayJson.GroupsResult getGroups(@RequestBody(required = false) byte[] body) {
		Bodies.object(this.mapper, body);
		List<XrayJson.Group> all = this.groups.all().stream().map(GroupController::json).toList();
		return new XrayJson.GroupsResult(all);
	}

	@PostMapping("/GetGroup")
	XrayJson.GroupResult getGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		return new XrayJson.GroupResult(json(this.groups.find(Bodies.string(request, "GroupName", 0, Integer.MAX_VALUE),
				Bodies.string(request, "GroupARN", 0, Integer.MAX_VALUE))));
	}

	@PostMapping("/UpdateGroup")
	XrayJson.GroupResult updateGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		JsonNode insights = Bodies.object(request, "InsightsConfiguration", false);
		return new XrayJson.GroupResult(
				json(this.groups.update(Bodies.string(request, "GroupName", 0, Integer.MAX_VALUE),
						Bodies.string(request, "GroupARN", 0, Integer.MAX_VALUE),
						Bodies.string(request, "FilterExpression", 0, Integer.MAX_VALUE),
						(insights != null) ? Bodies.bool(insights, "InsightsEnabled") : null,
						(insights != null) ? Bodies.bool(insights, "NotificationsEnabled") : null)));
	}

	@PostMapping("/DeleteGroup")
	Map<String, Object> deleteGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		Groups.Group group = this.groups.find(Bodies.string(request, "GroupName", 0, Integer.MAX_VALUE),
				Bodies.string(request, "GroupARN", 0, Integer.MAX_VALUE));
		this.groups.delete(group.name(), null);
		this.tags.forget(group.arn());
		return Map.of();
	}

	private static XrayJson.Group json(Groups.Group group) {
		return new XrayJson.Group(group.name(), group.arn(), group.filterExpression(),
				new XrayJson.InsightsConfiguration(group.insightsEnabled(), group.notificationsEnabled()));
	}

}
