import BlankSpotCore
import Foundation

public enum ReportPaper: String, CaseIterable, Sendable {
    case a4, f4
}

/// `blankspot report --run DIR`: `report.html` (and with `--pdf`, `report.pdf`) in a run's
/// folder. `run` and `demo` write `report.html` too.
public enum ReportJob {
    public struct Summary: Sendable {
        public var htmlPath: String
        public var pdfPath: String?
        public var bytes: Int
        public var generated: Bool
    }

    /// Writes the report into `runFolder` (each file through a temporary name, renamed when
    /// complete, so that a failed report leaves no partial file).
    public static func run(runFolder: String, pdf: Bool, paper: ReportPaper, chromium: String?, log: (String) -> Void) throws -> Summary {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runFolder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(file: runFolder, message: "is not a folder; expected the output folder of `blankspot run` or `demo`")
        }
        let html = try page(runFolder: runFolder, paper: paper, log: log)
        let target = (runFolder as NSString).appendingPathComponent("report.html")
        try replaceAtomically(target, with: Data(html.utf8))
        var pdfPath: String?
        if pdf {
            let out = (runFolder as NSString).appendingPathComponent("report.pdf")
            try PDFPrinter.print(htmlPath: target, to: out, chromium: chromium)
            pdfPath = out
        }
        return Summary(htmlPath: target, pdfPath: pdfPath, bytes: html.utf8.count, generated: html.contains("id=\"generated-banner\""))
    }

    /// Writes `report.html` into a folder being staged by `run` or `demo`.
    static func write(stagedFolder: String, log: (String) -> Void) throws {
        let html = try page(runFolder: stagedFolder, paper: .a4, log: log)
        try Data(html.utf8).write(to: URL(fileURLWithPath: (stagedFolder as NSString).appendingPathComponent("report.html")))
    }

    static func page(runFolder: String, paper: ReportPaper, log: (String) -> Void) throws -> String {
        let data = try ReportData(folder: runFolder)
        let watermark = data.generatedInputs.isEmpty ? nil : "DATA SINTETIS — GENERATED"
        let maps = try ReportMaps(data, watermark: watermark)
        return ReportPage(data: data, maps: maps, paper: paper == .a4 ? .a4 : .f4).html()
    }

    static func replaceAtomically(_ path: String, with data: Data) throws {
        let temporary = path + ".partial-\(getpid())"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                throw InputError(file: path, message: "cannot be written (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if error is InputError { throw error }
            throw InputError(file: path, message: "cannot be written (\(error.localizedDescription)); expected a writable run folder")
        }
    }
}
