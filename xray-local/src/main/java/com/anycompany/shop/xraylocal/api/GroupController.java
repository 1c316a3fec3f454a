package com.anycompany.shop.xraylocal.api;

import java.util.List;
import java.util.Map;

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

	GroupController(Groups groups, JsonMapper mapper) {
		this.groups = groups;
		this.mapper = mapper;
	}

	@PostMapping("/CreateGroup")
	XrayJson.GroupResult createGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Requests.body(this.mapper, body);
		return new XrayJson.GroupResult(json(this.groups.create(Requests.string(request, "GroupName"),
				Requests.string(request, "FilterExpression"))));
	}

	@PostMapping("/Groups")
	XrayJson.GroupsResult getGroups(@RequestBody(required = false) byte[] body) {
		Requests.body(this.mapper, body);
		List<XrayJson.Group> all = this.groups.all().stream().map(GroupController::json).toList();
		return new XrayJson.GroupsResult(all);
	}

	@PostMapping("/GetGroup")
	XrayJson.GroupResult getGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Requests.body(this.mapper, body);
		return new XrayJson.GroupResult(
				json(this.groups.find(Requests.string(request, "GroupName"), Requests.string(request, "GroupARN"))));
	}

	@PostMapping("/UpdateGroup")
	XrayJson.GroupResult updateGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Requests.body(this.mapper, body);
		return new XrayJson.GroupResult(json(this.groups.update(Requests.string(request, "GroupName"),
				Requests.string(request, "GroupARN"), Requests.string(request, "FilterExpression"))));
	}

	@PostMapping("/DeleteGroup")
	Map<String, Object> deleteGroup(@RequestBody(required = false) byte[] body) {
		JsonNode request = Requests.body(this.mapper, body);
		this.groups.delete(Requests.string(request, "GroupName"), Requests.string(request, "GroupARN"));
		return Map.of();
	}

	private static XrayJson.Group json(Groups.Group group) {
		return new XrayJson.Group(group.name(), group.arn(), group.filterExpression(),
				new XrayJson.InsightsConfiguration(false, false));
	}

}
