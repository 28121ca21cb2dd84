import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// The report opened in a real browser (headless Chromium, network blocked): its tables hold
/// the numbers of summary.json and priority.csv, its map is drawn in the village colours, it
/// makes no network request, and it says when inputs are GENERATED.
@Suite(.serialized) struct ReportTests {
    /// The ridge scene of the suggestion tests, with the two villages in two kabupaten.
    static func runScene(_ base: TemporaryDirectory, towersName: String = "towers.csv", threads: Int = 2, folder: String) throws -> String {
        let dir = TemporaryDirectory.inside(base, folder)
        let out = dir.file("out-\(threads)")
        if FileManager.default.fileExists(atPath: dir.file("dem.tif")) { return try run(dir, towersName: towersName, threads: threads, out: out) }
        try SuggestCommandTests.writeScene(in: dir, height: { c, _ in Float(max(10, 300 - 10 * abs(c - 150))) }, villages: [])
        if towersName != "towers.csv" { try FileManager.default.moveItem(atPath: dir.file("towers.csv"), toPath: dir.file(towersName)) }
        try SuggestCommandTests.writeSquares([
            ("Barat", 110, 130, 129, 170, "\"population\":1000,\"kabupaten\":\"Kab. Barat\","),
            ("Timur", 171, 130, 190, 170, "\"population\":800,\"kabupaten\":\"Kab. Timur\","),
            ("Punggung", 130, 130, 170, 170, "\"population\":50,\"kabupaten\":\"Kab. Barat\","),
            ("Kaki", 20, 20, 60, 60, "\"population\":300,\"kabupaten\":\"Kab. Timur\","),
        ], to: dir.file("villages.geojson"))
        return try run(dir, towersName: towersName, threads: threads, out: out)
    }

    static func run(_ dir: TemporaryDirectory, towersName: String, threads: Int, out: String) throws -> String {
        let r = try ExternalTool.run(ExternalTool.blankspot, [
            "run", "--dem", dir.file("dem.tif"), "--towers", dir.file(towersName), "--villages", dir.file("villages.geojson"),
            "--out", out, "--model", "fspl", "--radius-km", "4", "--suggest", "1", "--grid-m", "120", "--height-m", "5",
            "--threads", String(threads)])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    /// The scene's runs, made once per test process and shared by the tests that only read
    /// them (a run takes about 20 s in a debug build).
    static func shared(towersName: String = "towers.csv", threads: Int = 2) throws -> String {
        let key = "\(towersName)-\(threads)"
        return try SharedRuns.lock.withLock {
            if let out = SharedRuns.folders[key] { return out }
            // The same input files for every thread count: the report names its inputs' paths.
            let out = try runScene(SharedRuns.directory, towersName: towersName, threads: threads, folder: towersName)
            SharedRuns.folders[key] = out
            return out
        }
    }

    static var chromiumFlags: [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"]
    }

    /// The DOM after Chromium has loaded `html`, and the requests the page itself made (from
    /// Chromium's net log: the page's requests carry its origin, "null" for a file, as
    /// initiator; the browser's own background requests carry "not an origin").
    static func load(_ html: String, in dir: TemporaryDirectory) throws -> (dom: String, pageRequests: Int) {
        let log = dir.file("net-\(UUID().uuidString).json")
        let r = try ExternalTool.run("chromium", chromiumFlags + ["--user-data-dir=\(dir.file("profile-\(UUID().uuidString)"))",
                                                                  "--log-net-log=\(log)", "--dump-dom", URL(fileURLWithPath: html).absoluteString])
        #expect(r.status == 0, "\(r.stderr)")
        let net = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let initiators = net.components(separatedBy: "\"initiator\":\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        return (r.stdout, initiators.filter { $0 != "not an origin" }.count)
    }

    /// A number as the report prints it (Indonesian: `.` thousands, `,` decimals).
    static func value(_ text: Substring) -> Double? {
        Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-"))
    }

    /// The text of every `<td … data-key="key">text</td>` after `marker` and before `end`.
    static func cells(_ html: String, key: String, from marker: String, to end: String) -> [Double] {
        guard let start = html.range(of: marker) else { return [] }
        let stop = html.range(of: end, range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
        let part = html[start.upperBound..<stop]
        return part.components(separatedBy: "data-key=\"\(key)\">").dropFirst().compactMap { value($0.prefix { $0 != "<" }) }
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    @Test func theRenderedTablesHoldTheRunsNumbersAndThePageMakesNoRequest() throws {
        let dir = TemporaryDirectory()
        let out = try Self.shared()
        let html = out + "/report.html"
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("http://") && !page.contains("https://"), "the page references a network resource")
        #expect(page.contains("Content-Security-Policy") && page.contains("default-src 'none'"))
        let (dom, requests) = try Self.load(html, in: dir)
        #expect(requests == 0, "the page made \(requests) network requests")
        // Summary: every count of summary.json's total, as printed (rounded to whole people).
        let total = try Self.json(out + "/summary.json")["total"] as! [String: Any]
        for key in ["villages", "blank", "partial", "covered", "population", "people_without_service", "people_in_blank_villages"] {
            let shown = Self.cells(dom, key: key, from: "<section id=\"summary\">", to: "</section>")
            let expected = ((total[key] as! NSNumber).doubleValue).rounded(.toNearestOrAwayFromZero)
            #expect(shown == [expected], "summary \(key): shown \(shown), summary.json \(expected)")
        }
        // Per kabupaten: one row per region of summary.json, same counts.
        let regions = try Self.json(out + "/summary.json")["by_region"] as! [[String: Any]]
        #expect(regions.count == 2)
        for key in ["villages", "blank", "people_without_service"] {
            let shown = Self.cells(dom, key: key, from: "<section id=\"regions\">", to: "</section>")
            let expected = regions.map { (($0["counts"] as! [String: Any])[key] as! NSNumber).doubleValue.rounded(.toNearestOrAwayFromZero) }
            #expect(shown == expected, "regions \(key): \(shown) vs \(expected)")
        }
        // Priority list: every row of priority.csv, its score and the parts of the score.
        let rows = try CSVTable(text: String(contentsOfFile: out + "/priority.csv", encoding: .utf8), file: "priority.csv")
        for (key, decimals) in [("uncovered_population", 1.0), ("blank_weight", 1.0), ("score", 1.0)] {
            let column = rows.column([key])!
            let expected = rows.rows.map { (Double($0.fields[column])! * pow(10, decimals)).rounded(.toNearestOrAwayFromZero) / pow(10, decimals) }
            let shown = Self.cells(dom, key: key, from: "<section id=\"priority\">", to: "</section>")
            #expect(shown == expected, "priority \(key): \(shown) vs \(expected)")
        }
        // Score = uncovered × weight, row by row (to the 0.1 printed).
        let u = Self.cells(dom, key: "uncovered_population", from: "<section id=\"priority\">", to: "</section>")
        let w = Self.cells(dom, key: "blank_weight", from: "<section id=\"priority\">", to: "</section>")
        let s = Self.cells(dom, key: "score", from: "<section id=\"priority\">", to: "</section>")
        for i in s.indices { #expect(abs(s[i] - u[i] * w[i]) <= 0.1 * w[i] + 0.051) }
        // Real inputs: no GENERATED banner or watermark; one overview and one map per kabupaten.
        #expect(!dom.contains("generated-banner") && !dom.contains("DATA SINTETIS"))
        #expect(dom.components(separatedBy: "<figure class=\"map\">").count - 1 == 3)
        #expect(dom.contains("<section id=\"sites\">") && dom.contains("data-key=\"people_newly_served\""))
    }

    /// The detector above sees requests: a page that loads an image and a style sheet from
    /// the network makes two.
    @Test func theRequestCheckSeesAPageThatFetches() throws {
        let dir = TemporaryDirectory()
        let html = dir.file("fetches.html")
        try #"<html><body><img src="http://example.com/x.png"><link rel="stylesheet" href="https://cdn.example.org/a.css"></body></html>"#
            .write(toFile: html, atomically: true, encoding: .utf8)
        #expect(try Self.load(html, in: dir).pageRequests >= 2)
    }

    @Test func generatedInputsGetTheBannerAndAWatermarkOnEveryMap() throws {
        let out = try Self.shared(towersName: "GENERATED-towers.csv")
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.contains("id=\"generated-banner\"") && page.contains("GENERATED-towers.csv"))
        let maps = page.components(separatedBy: "<svg class=\"map\"").count - 1
        let watermarks = page.components(separatedBy: "class=\"watermark\"").count - 1
        #expect(maps == 3 && watermarks == maps)
    }

    /// A screenshot by the browser: the overview map is drawn, with the blank and covered
    /// village colours of the palette (blank villages are hatched; the pixels between the
    /// hatch lines keep the exact colour).
    @Test func theScreenshotShowsTheMapInTheVillageColours() throws {
        let dir = TemporaryDirectory()
        let out = try Self.shared()
        let shot = dir.file("shot.png")
        let r = try ExternalTool.run("chromium", Self.chromiumFlags + ["--user-data-dir=\(dir.file("profile"))", "--hide-scrollbars",
                                                                      "--window-size=1200,2400", "--screenshot=\(shot)",
                                                                      URL(fileURLWithPath: out + "/report.html").absoluteString])
        #expect(r.status == 0, "\(r.stderr)")
        let (pixels, width, height) = try Self.rgb(shot, in: dir)
        var count: [String: Int] = [:]
        var nonWhite = 0
        for i in 0..<(width * height) {
            let c = RGBColour(pixels[i], pixels[width * height + i], pixels[2 * width * height + i])
            count[c.hex, default: 0] += 1
            if c != RGBColour(255, 255, 255) { nonWhite += 1 }
        }
        let summary = try Self.json(out + "/summary.json")["total"] as! [String: Any]
        #expect((summary["blank"] as! NSNumber).intValue > 0)
        #expect(count[Palette.blank.hex, default: 0] > 500, "blank fill \(count[Palette.blank.hex, default: 0]) pixels")
        #expect(nonWhite > width * height / 10)
        // The covered colour appears where a village is covered.
        if (summary["covered"] as! NSNumber).intValue > 0 { #expect(count[Palette.covered.hex, default: 0] > 100) }
    }

    /// The screenshot's red, green and blue planes (through gdal_translate to raw ENVI).
    static func rgb(_ png: String, in dir: TemporaryDirectory) throws -> ([UInt8], Int, Int) {
        let raw = dir.file("shot.raw")
        let t = try ExternalTool.run("gdal_translate", ["-q", "-of", "ENVI", "-co", "INTERLEAVE=BSQ", "-b", "1", "-b", "2", "-b", "3", png, raw])
        #expect(t.status == 0, "\(t.stderr)")
        let info = try JSONSerialization.jsonObject(with: Data(try ExternalTool.run("gdalinfo", ["-json", raw]).stdout.utf8)) as! [String: Any]
        let size = info["size"] as! [Int]
        return ([UInt8](try Data(contentsOf: URL(fileURLWithPath: raw))), size[0], size[1])
    }

    /// Same bytes from `run` with 1 and 2 threads, and from `report` in another process
    /// (which also catches anything taken in a hash table's per-process order).
    @Test func samePagesWithOneOrTwoThreadsAndFromReportAgain() throws {
        let one = try Self.shared(threads: 1), two = try Self.shared(threads: 2)
        let a = try Data(contentsOf: URL(fileURLWithPath: one + "/report.html"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: two + "/report.html"))))
        let r = try ExternalTool.run(ExternalTool.blankspot, ["report", "--run", one])
        #expect(r.status == 0, "\(r.stderr)")
        let again = try Data(contentsOf: URL(fileURLWithPath: one + "/report.html"))
        #expect(a == again)
    }

    @Test func thePDFHasThePaperSizeAndTheSummaryFigures() throws {
        // Its own run: printing writes report.html and report.pdf into the folder.
        let base = TemporaryDirectory()
        defer { withExtendedLifetime(base) {} }
        let out = try Self.runScene(base, folder: "pdf")
        let total = try Self.json(out + "/summary.json")["total"] as! [String: Any]
        let population = IndonesianNumber.format((total["population"] as! NSNumber).doubleValue)
        for (paper, size) in [("a4", "(A4)"), ("f4", "609.")] {
            let r = try ExternalTool.run(ExternalTool.blankspot, ["report", "--run", out, "--pdf", "--paper", paper])
            #expect(r.status == 0, "\(r.stderr)")
            let info = try ExternalTool.run("pdfinfo", [out + "/report.pdf"]).stdout
            let line = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
            #expect(line.contains(size), "\(paper): \(line)")
            if paper == "f4" { #expect(line.contains("935."), "F4 is 215 × 330 mm = 609.4 × 935.4 pt: \(line)") }
            let text = try ExternalTool.run("pdftotext", ["-layout", out + "/report.pdf", "-"]).stdout
            #expect(text.contains("Ringkasan") && text.contains(population), "summary population \(population) not in the PDF text")
            #expect(text.contains("Halaman 1 / "), "page numbers")
        }
        // Without a browser: a clear error, exit 1, and the earlier PDF left as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/report.pdf"))
        let missing = try ExternalTool.run(ExternalTool.blankspot, ["report", "--run", out, "--pdf", "--chromium", out + "/no-such-browser"])
        #expect(missing.status == 1 && missing.stderr.contains("no-such-browser") && missing.stderr.contains("apt-get install chromium"), "\(missing.stderr)")
        #expect(before == (try Data(contentsOf: URL(fileURLWithPath: out + "/report.pdf"))))
    }

    @Test func reportOnAFolderThatIsNotARunFailsCleanly() throws {
        let dir = TemporaryDirectory()
        let r = try ExternalTool.run(ExternalTool.blankspot, ["report", "--run", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("has no run.json") && !FileManager.default.fileExists(atPath: dir.file("report.html")))
        let usage = try ExternalTool.run(ExternalTool.blankspot, ["report", "--run", dir.path, "--paper", "a3"])
        #expect(usage.status == 64)
    }
}

/// The shared runs of ``ReportTests/shared(towersName:threads:)``.
enum SharedRuns {
    static let lock = NSLock()
    nonisolated(unsafe) static var folders: [String: String] = [:]
    nonisolated(unsafe) static let directory = TemporaryDirectory("blankspot-report-tests")
}
