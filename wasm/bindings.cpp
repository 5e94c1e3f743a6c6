// The JavaScript face of the core: gapscore::run_command for whole commands, and the
// interactive Engine for the widget's drag path. Only Embind lines and tiny adapters live
// here; every result is computed by the core, exactly as the CLI computes it.
//
// Two rules every adapter keeps:
// - Strings cross as UTF-8 made by the platform's TextEncoder (see utf8_from_js); JSON
//   text comes back decoded by its TextDecoder (see text_to_js).
// - No C++ exception crosses into JavaScript: each engine call is guarded and turns a
//   throw into `false` plus an {"errors": [...]} document (run_command never throws).
#include <emscripten/bind.h>
#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <string>

#include "gapscore/command.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/engine.hpp"
#include "gapscore/json.hpp"

// Arguments are inspected in JavaScript, inside try/catch: a JavaScript throw through wasm
// frames (a Proxy, a fake Uint8Array, a getter that throws) leaks wasm stack until the
// instance fails, and C++ catch blocks do not see it.

/// The argument as text that can be read safely: a string as it is, a Uint8Array as a fresh
/// copy, `undefined` as ""; null for anything else, or for anything whose reading throws.
EM_JS(emscripten::EM_VAL, gs_safe_text, (emscripten::EM_VAL handle), {
  try {
    var v = Emval.toValue(handle);
    if (typeof v === 'string') return Emval.toHandle(v);
    if (v === undefined) return Emval.toHandle("");
    if (ArrayBuffer.isView(v) && v instanceof Uint8Array) return Emval.toHandle(new Uint8Array(v));
  } catch (e) {
  }
  return Emval.toHandle(null);
});

/// "null", "an array", or the `typeof` of the argument, for messages; never throws.
EM_JS(emscripten::EM_VAL, gs_kind_of, (emscripten::EM_VAL handle), {
  var kind = 'a value that cannot be read';
  try {
    var v = Emval.toValue(handle);
    kind = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
  } catch (e) {
  }
  return Emval.toHandle(kind);
});

/// A JavaScript string from UTF-8 bytes in wasm memory, decoded by the platform in one call.
/// Embind's own std::string return walks every byte in JavaScript twice (looking for NULs,
/// then for the end) before decoding: 6-7 % of run("rank") on 10k items.
EM_JS(emscripten::EM_VAL, gs_text_from_utf8, (const char* data, std::size_t size), {
  return Emval.toHandle(new TextDecoder().decode(HEAPU8.subarray(data, data + size)));
});

namespace gapscore::wasm {

using emscripten::val;

/// UTF-8 bytes of a JavaScript string as TextEncoder (and node's fs, and a browser's form
/// upload) writes them: a lone surrogate becomes U+FFFD. Embind's own std::string conversion
/// in Emscripten 3.1.6 merges a lone surrogate with the next character, which would swallow
/// a quote and make the wasm build read different bytes than the CLI reads from a file.
/// It is also faster for large documents (native encoder, one copy). A Uint8Array is taken
/// as the bytes themselves (a file read without decoding), so the core sees exactly what the
/// CLI would read from that file, invalid UTF-8 included.
std::string utf8_from_js(const val& text) {
  static const val encoder = val::global("TextEncoder").new_();
  static const val byte_array = val::global("Uint8Array");
  const val bytes = text.instanceof(byte_array) ? text : encoder.call<val>("encode", text);
  std::string out(bytes["length"].as<std::size_t>(), '\0');
  if (!out.empty())
    val(emscripten::typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(out.data())))
        .call<void>("set", bytes);
  return out;
}

/// JSON text (a command's output, an errors document) as a JavaScript string.
val text_to_js(const std::string& text) {
  return val::take_ownership(gs_text_from_utf8(text.data(), text.size()));
}

/// See gs_safe_text; nullopt when the argument is not text.
std::optional<val> text_arg(const val& v) {
  val text = val::take_ownership(gs_safe_text(v.as_handle()));
  if (text.isNull()) return std::nullopt;
  return text;
}

/// {"errors": [...]} text for a failure the core did not describe itself.
std::string error_document(std::string_view code, const std::string& message, const std::string& path = "") {
  Diagnostics d;
  d.error(path, code, message);
  return d.errors_document().dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

/// The errors document for an argument of the wrong JavaScript type, naming it.
std::string wrong_type(const char* name, const val& got, const char* wanted) {
  const std::string kind = val::take_ownership(gs_kind_of(got.as_handle())).as<std::string>();
  return error_document(code::wrong_type, std::string("must be ") + wanted + " (got " + kind + ")", name);
}

constexpr const char* kTextOrBytes = "text (a string) or a Uint8Array of its UTF-8 bytes";

/// run_command never throws; copying a huge argument into wasm memory still can.
CommandResult run_guarded(const val& command, const val& document, const val& options) {
  const auto cmd = text_arg(command), doc = text_arg(document), opts = text_arg(options);
  if (!cmd) return {kUsageError, wrong_type("command", command, "a command name (a string)"), ""};
  if (!doc) return {kUsageError, wrong_type("document", document, kTextOrBytes), ""};
  if (!opts) return {kUsageError, wrong_type("options", options, "JSON text (a string; '' for none)"), ""};
  try {
    return run_command(utf8_from_js(*cmd), utf8_from_js(*doc), utf8_from_js(*opts));
  } catch (const std::bad_alloc&) {
    return {kInputError, error_document(code::out_of_memory, "out of memory"), ""};
  } catch (const std::exception& ex) {
    return {kInputError, error_document(code::internal_error, std::string("internal error: ") + ex.what()), ""};
  }
}

val run(const val& command, const val& document, const val& options) {
  return text_to_js(run_guarded(command, document, options).output);
}

/// {exitCode, output, messages}: what the CLI would return, print and write to stderr.
val run_with_status(const val& command, const val& document, const val& options) {
  const CommandResult r = run_guarded(command, document, options);
  val out = val::object();
  out.set("exitCode", r.exit_code);
  out.set("output", text_to_js(r.output));
  out.set("messages", text_to_js(r.messages));
  return out;
}

/// [{"name", "summary"}] as JSON text.
val commands() {
  Json list = Json::array();
  for (const auto& c : command_summaries())
    list.push_back({{"name", std::string(c.name)}, {"summary", std::string(c.summary)}});
  return text_to_js(list.dump());
}

/// gapscore::Engine behind a guard: the same calls, but a std::bad_alloc or any other
/// exception becomes `false` and an errors document instead of reaching JavaScript.
class JsEngine {
public:
  // Arguments of the wrong JavaScript type are refused by name, like bad values: a
  // cleared input field ('') or null must not quietly become a weight of 0.
  bool load(const val& document) {
    const auto text = text_arg(document);
    if (!text) return refuse(wrong_type("document", document, kTextOrBytes));
    return guarded([&] { return engine_.load(utf8_from_js(*text)); });
  }
  bool set_model(const val& id) {
    if (!id.isString()) return refuse(wrong_type("model", id, "a model id (a string)"));
    return guarded([&] { return engine_.set_model(utf8_from_js(id)); });
  }
  bool set_weight(const val& criterion, const val& weight) {
    if (!criterion.isString()) return refuse(wrong_type("criterion", criterion, "a criterion id (a string)"));
    if (!weight.isNumber()) return refuse(wrong_type("weight", weight, "a number"));
    return guarded([&] { return engine_.set_weight(utf8_from_js(criterion), weight.as<double>()); });
  }
  bool set_field(const val& item, const val& field, const val& value) {
    if (!item.isString()) return refuse(wrong_type("item", item, "an item id (a string)"));
    if (!field.isString()) return refuse(wrong_type("field", field, "a field name (a string)"));
    if (!value.isNumber()) return refuse(wrong_type("value", value, "a number"));
    return guarded([&] { return engine_.set_field(utf8_from_js(item), utf8_from_js(field), value.as<double>()); });
  }
  bool set_score(const val& item, const val& criterion, const val& value) {
    if (!item.isString()) return refuse(wrong_type("item", item, "an item id (a string)"));
    if (!criterion.isString()) return refuse(wrong_type("criterion", criterion, "a criterion id (a string)"));
    if (!value.isNumber()) return refuse(wrong_type("value", value, "a number"));
    return guarded([&] { return engine_.set_score(utf8_from_js(item), utf8_from_js(criterion), value.as<double>()); });
  }
  // The same checks, for an estimate typed over a range: its likely value (engine.hpp).
  bool set_field_likely(const val& item, const val& field, const val& value) {
    if (!item.isString()) return refuse(wrong_type("item", item, "an item id (a string)"));
    if (!field.isString()) return refuse(wrong_type("field", field, "a field name (a string)"));
    if (!value.isNumber()) return refuse(wrong_type("value", value, "a number"));
    return guarded([&] { return engine_.set_field_likely(utf8_from_js(item), utf8_from_js(field), value.as<double>()); });
  }
  bool set_score_likely(const val& item, const val& criterion, const val& value) {
    if (!item.isString()) return refuse(wrong_type("item", item, "an item id (a string)"));
    if (!criterion.isString()) return refuse(wrong_type("criterion", criterion, "a criterion id (a string)"));
    if (!value.isNumber()) return refuse(wrong_type("value", value, "a number"));
    return guarded([&] { return engine_.set_score_likely(utf8_from_js(item), utf8_from_js(criterion), value.as<double>()); });
  }
  bool set_weight_likely(const val& criterion, const val& weight) {
    if (!criterion.isString()) return refuse(wrong_type("criterion", criterion, "a criterion id (a string)"));
    if (!weight.isNumber()) return refuse(wrong_type("weight", weight, "a number"));
    return guarded([&] { return engine_.set_weight_likely(utf8_from_js(criterion), weight.as<double>()); });
  }
  bool rank() {
    return guarded([&] { return engine_.rank(); });
  }
  val last_errors() const { return text_to_js(guard_errors_.empty() ? engine_.last_errors() : guard_errors_); }

  double size() const { return static_cast<double>(engine_.size()); }
  /// Views over wasm memory, valid until the next rank() or load(). Their length is that of
  /// the last ranking (0 before the first successful rank() and after a failed one).
  val order() const { return val(emscripten::typed_memory_view(ranked(), engine_.order_data())); }
  val scores() const { return val(emscripten::typed_memory_view(ranked(), engine_.score_data())); }
  val ranks() const { return val(emscripten::typed_memory_view(ranked(), engine_.rank_data())); }
  val tie_sizes() const { return val(emscripten::typed_memory_view(ranked(), engine_.tie_size_data())); }

  double part_count() const { return static_cast<double>(engine_.table().parts.size()); }
  std::string part_name(double k) const {
    return k >= 0 && k < part_count() ? engine_.table().part_names[static_cast<std::size_t>(k)] : std::string();
  }
  val parts(double k) const {
    if (!(k >= 0 && k < part_count())) return val(emscripten::typed_memory_view(0, engine_.score_data()));
    const auto& column = engine_.table().parts[static_cast<std::size_t>(k)];
    return val(emscripten::typed_memory_view(column.size(), column.data()));
  }

  std::string item_id(double i) const { return i >= 0 && i < size() ? item(i).id : std::string(); }
  std::string item_title(double i) const { return i >= 0 && i < size() ? item(i).title : std::string(); }
  std::string model() const { return engine_.model(); }

  val document_json() const {
    return text_to_js(text_guarded([&] { return engine_.document_json(); }));
  }
  val describe() const { return text_to_js(text_guarded([&] { return engine_.describe_json(); })); }
  val explain(const val& item_id) const {
    if (!item_id.isString()) return text_to_js(wrong_type("item", item_id, "an item id (a string)"));
    return text_to_js(text_guarded([&] { return engine_.explain_json(utf8_from_js(item_id)); }));
  }

private:
  bool refuse(std::string errors) {
    guard_errors_ = std::move(errors);
    return false;
  }
  template <class F> bool guarded(F&& f) {
    guard_errors_.clear();
    try {
      return f();
    } catch (const std::bad_alloc&) {
      guard_errors_ = error_document(code::out_of_memory, "out of memory");
    } catch (const std::exception& ex) {
      guard_errors_ = error_document(code::internal_error, std::string("internal error: ") + ex.what());
    } catch (...) {
      guard_errors_ = error_document(code::internal_error, "internal error");
    }
    return false;
  }
  /// For calls returning JSON text: an errors document instead of a throw.
  template <class F> std::string text_guarded(F&& f) const {
    try {
      return f();
    } catch (const std::bad_alloc&) {
      return error_document(code::out_of_memory, "out of memory");
    } catch (const std::exception& ex) {
      return error_document(code::internal_error, std::string("internal error: ") + ex.what());
    }
  }
  std::size_t ranked() const { return engine_.table().score.size(); }
  const ItemInfo& item(double i) const { return engine_.scenario().items[static_cast<std::size_t>(i)]; }

  Engine engine_;
  std::string guard_errors_;
};

/// gapscore::SteppedSimulation for the widget's Monte Carlo view: the page runs a slice of
/// runs per animation frame, so it can paint the fraction done and offer Cancel; the result
/// is the same text `run("simulate", ...)` returns. Nothing throws into JavaScript.
class JsSimulation {
public:
  JsSimulation(const val& document, const val& options) {
    const auto doc = text_arg(document), opts = text_arg(options);
    if (!doc) failure_ = wrong_type("document", document, kTextOrBytes);
    else if (!opts) failure_ = wrong_type("options", options, "JSON text (a string; '' for none)");
    if (!failure_.empty()) return;
    failure_ = guarded([&] {
      sim_ = std::make_unique<SteppedSimulation>(utf8_from_js(*doc), utf8_from_js(*opts));
      return std::string();
    });
  }
  /// Any number from JavaScript: NaN, infinities and fractions become a whole count >= 1,
  /// so a `while (!sim.step(x))` loop always makes progress.
  bool step(double runs) {
    if (!sim_) return true;
    const double whole = runs >= 1 ? std::min(runs, 9007199254740992.0) : 1.0;
    return sim_->step(static_cast<std::uint64_t>(whole));
  }
  bool done() const { return !sim_ || sim_->done(); }
  double fraction_done() const { return sim_ ? sim_->fraction_done() : 1.0; }
  void cancel() {
    if (sim_) sim_->cancel();
  }
  val result() {
    if (!sim_) return text_to_js(failure_);
    return text_to_js(guarded([&] { return sim_->result().output; }));
  }

private:
  template <class F> static std::string guarded(F&& f) {
    try {
      return f();
    } catch (const std::bad_alloc&) {
      return error_document(code::out_of_memory, "out of memory");
    } catch (const std::exception& ex) {
      return error_document(code::internal_error, std::string("internal error: ") + ex.what());
    }
  }
  std::unique_ptr<SteppedSimulation> sim_;
  std::string failure_;
};

} // namespace gapscore::wasm

// GAPSCORE_WASM_ENGINE_ONLY builds the widget's first part (wasm/CMakeLists.txt): the Engine
// alone, so the linker drops every command it does not reach (run(), the Simulation).
EMSCRIPTEN_BINDINGS(gapscore) {
  using namespace gapscore::wasm;
#ifndef GAPSCORE_WASM_ENGINE_ONLY
  emscripten::function("run", &run);
  emscripten::function("runWithStatus", &run_with_status);
  emscripten::function("commands", &commands);
#endif

  emscripten::class_<JsEngine>("Engine")
      .constructor<>()
      .function("load", &JsEngine::load)
      .function("lastErrors", &JsEngine::last_errors)
      .function("setModel", &JsEngine::set_model)
      .function("setWeight", &JsEngine::set_weight)
      .function("setField", &JsEngine::set_field)
      .function("setScore", &JsEngine::set_score)
      .function("setFieldLikely", &JsEngine::set_field_likely)
      .function("setScoreLikely", &JsEngine::set_score_likely)
      .function("setWeightLikely", &JsEngine::set_weight_likely)
      .function("rank", &JsEngine::rank)
      .function("size", &JsEngine::size)
      .function("order", &JsEngine::order)
      .function("scores", &JsEngine::scores)
      .function("ranks", &JsEngine::ranks)
      .function("tieSizes", &JsEngine::tie_sizes)
      .function("partCount", &JsEngine::part_count)
      .function("partName", &JsEngine::part_name)
      .function("parts", &JsEngine::parts)
      .function("itemId", &JsEngine::item_id)
      .function("itemTitle", &JsEngine::item_title)
      .function("model", &JsEngine::model)
      .function("documentJson", &JsEngine::document_json)
      .function("explain", &JsEngine::explain)
      .function("describe", &JsEngine::describe);

#ifndef GAPSCORE_WASM_ENGINE_ONLY
  emscripten::class_<JsSimulation>("Simulation")
      .constructor<const emscripten::val&, const emscripten::val&>()
      .function("step", &JsSimulation::step)
      .function("done", &JsSimulation::done)
      .function("fractionDone", &JsSimulation::fraction_done)
      .function("cancel", &JsSimulation::cancel)
      .function("result", &JsSimulation::result);
#endif
}
