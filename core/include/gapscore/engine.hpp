#pragma once
/// The interactive engine: load a document once, then change a weight or an estimate and
/// re-rank without any JSON. Built for the widget's drag path: a weight change on the
/// weighted model re-combines cached normalized columns and sorts, nothing more.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/models.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

class Engine {
public:
  Engine();
  ~Engine();

  /// Loads a document. On any error returns false, keeps the previous state, and
  /// last_errors() holds the {"errors": [...]} document.
  bool load(std::string_view document_json);

  /// Setters return false (state unchanged, last_errors() says why) for an unknown name or
  /// a value the format does not allow. None of them re-ranks: call rank().
  bool set_model(std::string_view model_id);
  bool set_weight(std::string_view criterion_id, double weight);
  bool set_field(std::string_view item_id, std::string_view field, double value);
  bool set_score(std::string_view item_id, std::string_view criterion_id, double value);
  /// An estimate typed over one the document gives as a range keeps the range: the value
  /// becomes its likely value, refused outside low..high (the error says so, and how to go
  /// beyond it). An input without a range is set as set_field / set_score set it. The widget
  /// edits estimates through these, so a typed number never drops a range unseen.
  bool set_field_likely(std::string_view item_id, std::string_view field, double value);
  bool set_score_likely(std::string_view item_id, std::string_view criterion_id, double value);
  /// The same for a criterion weight given as a range: the widget's sliders and weight sets
  /// move its likely value, so simulations keep varying it. Without a range, as set_weight.
  bool set_weight_likely(std::string_view criterion_id, double weight);

  /// Re-scores what changed since the last call and re-ranks. Returns false when the
  /// current model lacks inputs or a score overflows to infinity/NaN (last_errors() lists
  /// them); order and scores are then empty.
  bool rank();

  /// JSON text of the last failure: {"errors": [{"path", "message"}...]}; "" after success.
  const std::string& last_errors() const { return errors_; }

  std::size_t size() const { return scenario_.size(); }
  /// Views valid until the next load() or rank(): item indices best first, and per item
  /// (document order) its score and 1-based rank.
  const std::uint32_t* order_data() const;
  const double* score_data() const { return table_.score.data(); }
  const std::uint32_t* rank_data() const;
  /// Per item: how many items share its score under the tie rule (1: not tied; docs/models.md).
  const std::uint32_t* tie_size_data() const;

  const Scenario& scenario() const { return scenario_; }
  const std::string& model() const { return model_id_; }
  const ScoreTable& table() const { return table_; }
  /// The current state as a "gapscore/1" document (edits included), for saving and sharing.
  std::string document_json() const;
  /// A full explanation of one item under the current model (JSON text), as `explain` gives.
  std::string explain_json(std::string_view item_id) const;
  /// What the document offers, edits included (JSON text): the same bytes as
  /// run_command("describe", document) for the document loaded (docs/module.md).
  std::string describe_json() const;

private:
  bool fail(std::string path, std::string_view code, std::string message);
  void set_number_in_document(const std::string& pointer_text, double value);
  void set_in_document(const std::string& pointer_text, Json value);
  /// After field f of item i became `value`: its unusual_value warning, replacing the old one.
  void note_field_value(std::size_t item, Field f, double value);
  /// The likely value of the range `u` set to `value` (its column cell `cell`), or false when
  /// refused: `rule_problem` is what the field's own rule says of the value ("" when it obeys).
  /// The caller marks what must be recomputed (the scores, or only the weights' combination).
  bool set_likely(UncertainInput& u, double& cell, double value, const std::string& rule_problem);

  Scenario scenario_;
  /// The changes made to the document loaded, for document_json() to apply to it (the
  /// scenario keeps the document as its text, not as a Json to change). A value set again
  /// is changed where it was first set, which is where setting it in the Json put it.
  struct DocumentEdit {
    std::string pointer;
    Json value;
    bool erase = false; ///< erase the top-level key `pointer` names (without its '/')
  };
  std::vector<DocumentEdit> edits_;
  const ModelInfo* model_ = nullptr;
  std::string model_id_;
  ScoreTable table_;
  /// The warnings of the document as it stands, for describe_json: those it loaded with,
  /// a typed value's own (an impact off Intercom's scale) in place of the value's before.
  Diagnostics warnings_;
  struct Ranked; // the ranking and the ranker that keeps its buffers between calls
  std::unique_ptr<Ranked> ranked_;
  bool table_stale_ = true;   ///< inputs changed: score_items again
  bool weights_stale_ = false;///< only weights changed: recombine cached columns
  std::string errors_;
};

} // namespace gapscore
