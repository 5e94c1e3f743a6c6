#pragma once
/// The decision record (`gapscore report`): what was decided and why, for the wiki page the
/// decision is discussed on. The result document holds the numbers; the renderers write it
/// as Markdown (to paste into a wiki or an issue) and as static HTML (no script, every text
/// escaped: safe to paste into a page and to use as the widget's no-script fallback).
#include <string>

#include "gapscore/json.hpp"

namespace gapscore {

std::string render_report_markdown(const Json& result, bool markdown);
std::string render_report_html(const Json& result);

} // namespace gapscore
