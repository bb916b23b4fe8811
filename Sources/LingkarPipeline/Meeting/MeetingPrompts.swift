import LingkarModel

/// Discussion prompts for a topic on the agenda, in both languages: from what the teachers already
/// do, to what the readings suggest, to what they will try before the next meeting.
enum MeetingPrompts {
  static func prompts(for label: BilingualText) -> [BilingualText] {
    [
      BilingualText(
        id: "Apa yang sudah kita lakukan di kelas tentang “\(label.id)”, dan bagaimana hasilnya?",
        en: "What have we already tried in class on “\(label.en)”, and how did it go?"),
      BilingualText(
        id: "Dari bacaan ini, gagasan mana yang paling cocok untuk murid kita, dan mana yang tidak?",
        en: "Which idea from these readings fits our students best, and which does not?"),
      BilingualText(
        id: "Satu hal apa yang akan kita coba sebelum pertemuan berikutnya, dan bagaimana kita tahu hasilnya?",
        en: "What one thing will we try before the next meeting, and how will we know how it went?"),
    ]
  }

  /// For the book-club chapter's related items, none: the chapter's leader brings the questions.
}
