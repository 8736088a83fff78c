package cn.gov.zhaoshang.project.library.web;

import java.util.List;

/** One page of a project list. */
public record ProjectPage(List<ProjectResponse> items, int page, int size, long total, String sort) {
}
