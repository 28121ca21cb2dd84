import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// `blankspot report`: the report of a run's folder, as HTML and optionally PDF.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html (and report.pdf) for the folder of a `run` or `demo`.",
        discussion: "The page is one self-contained file: maps, tables by kabupaten/kota, the priority list, the suggested sites and the definitions, in Bahasa Indonesia with English beside it. `run` and `demo` write it too; use this command to print it (--pdf) or to write it again.")

    @Option(name: .customLong("run"), help: ArgumentHelp("The output folder of `run` or `demo`.", valueName: "dir"))
    var runPath: String

    @Flag(help: "Also print report.pdf with headless Chromium.")
    var pdf = false

    @Option(help: "Page size: a4, or f4 (215 × 330 mm).")
    var paper: ReportPaperOption = .a4

    @Option(help: ArgumentHelp("Chromium to print with (default: chromium on PATH).", valueName: "file"))
    var chromium: String?

    func run() throws {
        let s = try ReportJob.run(runFolder: runPath, pdf: pdf, paper: paper.value, chromium: chromium, log: { Console.warn($0) })
        var text = "report: \(s.htmlPath) (\(s.bytes / 1024) KiB)"
        if let p = s.pdfPath { text += ", \(p)" }
        if s.generated { text += "; some inputs are GENERATED: the report says so on every map" }
        Console.info(text)
    }
}

enum ReportPaperOption: String, ExpressibleByArgument, CaseIterable {
    case a4, f4
    var value: ReportPaper { self == .a4 ? .a4 : .f4 }
}
