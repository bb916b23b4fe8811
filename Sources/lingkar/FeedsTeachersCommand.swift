import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar feeds teachers [--tag guru]`: "our teachers", the school's own writers with their latest posts.
struct FeedsTeachersCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    Words.configuration("teachers", key: "feeds_teachers", discussion: false)
  }

  @Option(help: Words.help("help.feeds_teachers.tag"))
  var tag = "guru"

  @Option(help: Words.help("help.feeds_teachers.posts"))
  var posts = 3

  @OptionGroup var files: FeedsCommand.Files

  func run() throws {
    let teachers = try TeacherFeeds(options: files.options, tag: tag, postsShown: max(0, posts)).teachers()
    if teachers.isEmpty {
      Output.standard("\(Message("cli.teachers.none", ["tag": .text(tag), "list": .text(files.feeds)]))\n")
      return
    }
    var lines = ["\(Message("cli.teachers.heading", ["tag": .text(tag)]))"]
    for teacher in teachers {
      lines.append("")
      var head = teacher.title ?? teacher.written
      if let name = teacher.addedBy { head += " (\(Message("cli.teachers.added_by", ["name": .text(name)])))" }
      lines.append(head)
      lines.append("  \(teacher.written)")
      if teacher.posts.isEmpty { lines.append("  - \(Message("cli.teachers.no_posts"))") }
      for post in teacher.posts {
        let title = (post.title ?? post.link ?? "-").split(whereSeparator: \.isNewline).joined(separator: " ")
        lines.append("  - \(FeedsCommand.date(post.date))  \(title)" + (post.link.map { "  \($0)" } ?? ""))
      }
    }
    Output.standard(lines.joined(separator: "\n") + "\n")
  }
}
