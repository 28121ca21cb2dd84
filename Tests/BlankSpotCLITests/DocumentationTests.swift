import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// The documentation against the built tool: the command reference lists every command and
/// option that `--help` shows, and the README's test command is the one CI runs.
@Suite struct DocumentationTests {
    static let projectRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: projectRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    /// (command path, option spellings) of every visible command, from swift-argument-parser's own
    /// description of the tool.
    static func commandsAndOptions() throws -> [(command: String, options: [String])] {
        let dump = try ExternalTool.run(ExternalTool.blankspot, ["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let root = (try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as! [String: Any])["command"] as! [String: Any]
        var found: [(String, [String])] = []
        func walk(_ c: [String: Any], path: [String]) {
            let name = c["commandName"] as! String
            let full = path + [name]
            guard name != "help", (c["shouldDisplay"] as? Bool) ?? true else { return }
            var options: [String] = []
            for a in c["arguments"] as? [[String: Any]] ?? [] where (a["shouldDisplay"] as? Bool) ?? true {
                for n in a["names"] as? [[String: Any]] ?? [] {
                    let spelled = (n["kind"] as! String) == "short" ? "-\(n["name"] as! String)" : "--\(n["name"] as! String)"
                    options.append(spelled)
                }
            }
            found.append((full.joined(separator: " "), options))
            for s in c["subcommands"] as? [[String: Any]] ?? [] { walk(s, path: full) }
        }
        walk(root, path: [])
        return found
    }

    /// Every command has its section in docs/commands.md, and every option of it appears there.
    @Test func commandReferenceListsEveryCommandAndOption() throws {
        let reference = try Self.read("docs/commands.md")
        let commands = try Self.commandsAndOptions()
        #expect(commands.count >= 6)
        for (command, options) in commands {
            guard let start = reference.range(of: "## `\(command)`\n") else {
                Issue.record("docs/commands.md has no section for `\(command)`")
                continue
            }
            let rest = reference[start.upperBound...]
            let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
            for option in options {
                #expect(section.contains("`\(option)`"), "docs/commands.md, `\(command)`: option \(option) is missing")
            }
        }
    }

    /// docs/commands.md is exactly what tools/command-reference writes from the built tool.
    @Test func commandReferenceIsUpToDate() throws {
        let tool = URL(fileURLWithPath: ExternalTool.blankspot).deletingLastPathComponent().appendingPathComponent("command-reference").path
        let r = try ExternalTool.run(tool, ["--check", "--blankspot", ExternalTool.blankspot, "--out",
                                            Self.projectRoot.appendingPathComponent("docs/commands.md").path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// docs/data.md lists every documented range as the code enforces it.
    @Test func rangesAreDocumented() throws {
        let data = try Self.read("docs/data.md")
        for r in OptionRanges.all {
            #expect(data.contains("| `\(r.option)` (\(r.what)) | \(r.text) | \(r.source) |"), "docs/data.md lacks the range of \(r.option): \(r.text)")
        }
    }

    /// The README's second command (the tests) is what .ci/run runs; the README stays a user
    /// guide of about 300 lines.
    @Test func readmeTestCommandIsWhatCIRuns() throws {
        let readme = try Self.read("README.md")
        let ci = try Self.read(".ci/run")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 320, "README.md has \(lines.count) lines")
        guard let marker = lines.firstIndex(where: { $0.contains("# 2. Run the tests") }), marker + 1 < lines.count else {
            Issue.record("README.md has no '# 2. Run the tests' command")
            return
        }
        let command = lines[marker + 1].trimmingCharacters(in: .whitespaces)
        #expect(!command.isEmpty)
        #expect(ci.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == command },
                ".ci/run does not run the README's test command '\(command)'")
    }

    /// The README and docs/ describe the tool, not how its work was organised: no numbered work
    /// periods or tracker numbers (history lives in benchmarks/RESULTS.md and CHANGELOG.md).
    @Test func userDocumentsHoldNoWorkDiary() throws {
        var files = ["README.md"]
        let docs = Self.projectRoot.appendingPathComponent("docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) where name.hasSuffix(".md") { files.append("docs/" + name) }
        let diary = try Regex(#"(?i)\b(session|sessions|issue \d+|issue #\d+|sprint)\b"#)
        for file in files {
            for (i, line) in try Self.read(file).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(diary) {
                Issue.record("\(file):\(i + 1) speaks of the work's organisation: \(line)")
            }
        }
    }
}
