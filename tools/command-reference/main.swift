// Writes docs/commands.md, the full command reference, from what the built `blankspot` says of
// itself (`blankspot --experimental-dump-help`, swift-argument-parser's description of every
// command and option). The reference is therefore never out of date with `--help`.
//
//   swift build && swift run command-reference                 # rewrite docs/commands.md
//   swift run command-reference --check                         # exit 1 when it is out of date
//   swift run command-reference --blankspot PATH --out FILE      # another binary or file
import Foundation

struct Dump: Decodable {
    var command: Command
}

struct Command: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var arguments: [Argument]?
    var subcommands: [Command]?
}

struct Argument: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
    }

    var kind: String
    var names: [Name]?
    var valueName: String?
    var abstract: String?
    var discussion: String?
    var defaultValue: String?
    var allValues: [String]?
    var isOptional: Bool?
    var isRepeating: Bool?
    var shouldDisplay: Bool?

    /// `--long` / `-s` spellings, long first.
    var spellings: [String] {
        (names ?? []).sorted { ($0.kind == "long" ? 0 : 1) < ($1.kind == "long" ? 0 : 1) }.map {
            $0.kind == "short" ? "-\($0.name)" : "--\($0.name)"
        }
    }
}

func escapeCell(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
}

/// The Markdown of one command and, after it, its subcommands.
func render(_ c: Command, path: [String], into out: inout [String]) {
    let full = (path + [c.commandName]).joined(separator: " ")
    let visible = (c.arguments ?? []).filter { $0.shouldDisplay ?? true }
    let isRoot = path.isEmpty
    if c.commandName != "help" {
        out.append("## `\(full)`")
        out.append("")
        if let a = c.abstract, !a.isEmpty { out.append(a); out.append("") }
        if let d = c.discussion, !d.isEmpty { out.append(d); out.append("") }
        let required = visible.filter { !($0.isOptional ?? false) && $0.kind != "flag" }
        var usage = [full] + required.map { a -> String in
            let name = a.spellings.first ?? "<\(a.valueName ?? "value")>"
            let value = a.kind == "positional" ? "" : " <\(a.valueName ?? "value")>"
            return a.kind == "positional" ? "<\(a.valueName ?? "value")>" : name + value + ((a.isRepeating ?? false) ? " ..." : "")
        }
        if visible.count > required.count { usage.append("[options]") }
        if let subs = c.subcommands, !subs.isEmpty { usage.append("<subcommand>") }
        out.append("```")
        out.append(usage.joined(separator: " "))
        out.append("```")
        out.append("")
        if !visible.isEmpty {
            out.append("| option | value | default | meaning |")
            out.append("|---|---|---|---|")
            for a in visible {
                let names = a.kind == "positional" ? "`<\(a.valueName ?? "value")>`" : a.spellings.map { "`\($0)`" }.joined(separator: ", ")
                var value = ""
                if a.kind == "option" {
                    value = "`<\(a.valueName ?? "value")>`" + ((a.isRepeating ?? false) ? " …" : "")
                    if let all = a.allValues, !all.isEmpty { value += ": " + all.map { "`\($0)`" }.joined(separator: ", ") }
                } else if a.kind == "flag" {
                    value = "flag"
                }
                let def: String
                if let d = a.defaultValue { def = "`\(d)`" } else if !(a.isOptional ?? false) { def = "required" } else { def = "" }
                var meaning = a.abstract ?? ""
                if let d = a.discussion, !d.isEmpty { meaning += " " + d }
                out.append("| \(names) | \(escapeCell(value)) | \(escapeCell(def)) | \(escapeCell(meaning)) |")
            }
            out.append("")
        }
    }
    for s in c.subcommands ?? [] where s.shouldDisplay ?? true {
        render(s, path: isRoot ? [c.commandName] : path + [c.commandName], into: &out)
    }
}

func reference(from json: Data) throws -> String {
    let dump = try JSONDecoder().decode(Dump.self, from: json)
    var out = [
        "# Command reference",
        "",
        "Every command and option of `blankspot`, as its `--help` gives them. This file is written by",
        "`tools/command-reference` from `blankspot --experimental-dump-help`; do not edit it by hand",
        "(`swift run command-reference` rewrites it, and a test fails when it is out of date).",
        "Ranges, input formats and what each output holds are in the [README](../README.md) and the",
        "other documents of this folder.",
        "",
    ]
    render(dump.command, path: [], into: &out)
    return out.joined(separator: "\n")
}

func run(_ executable: String, _ arguments: [String]) throws -> Data {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
        throw NSError(domain: "command-reference", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(executable) exited with \(p.terminationStatus)"])
    }
    return data
}

var args = Array(CommandLine.arguments.dropFirst())
var check = false
var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blankspot").path
var outPath = "docs/commands.md"
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--check": check = true
    case "--blankspot" where !args.isEmpty: binary = args.removeFirst()
    case "--out" where !args.isEmpty: outPath = args.removeFirst()
    default:
        FileHandle.standardError.write(Data("usage: command-reference [--check] [--blankspot PATH] [--out FILE]\n".utf8))
        exit(64)
    }
}
do {
    let text = try reference(from: run(binary, ["--experimental-dump-help"]))
    if check {
        let current = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        if current != text {
            FileHandle.standardError.write(Data("\(outPath) is out of date with \(binary) --help; run `swift run command-reference`\n".utf8))
            exit(1)
        }
        print("\(outPath) is up to date")
    } else {
        try text.write(toFile: outPath, atomically: true, encoding: .utf8)
        print("wrote \(outPath)")
    }
} catch {
    FileHandle.standardError.write(Data("command-reference: \(error)\n".utf8))
    exit(1)
}
