import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// A generated messy registry of a few hundred towers, as an office might export it from a
/// spreadsheet: BOM, semicolons and decimal commas, CRLF, Indonesian column names, notes with
/// line breaks inside quotes, and bad rows of every common kind mixed in. Read with
/// `--skip-bad-rows`, every bad row must be reported and the good rows must give exactly the
/// rasters of a clean copy that holds only them.
@Suite struct MessyRegistryTests {
    struct Registry {
        var messy = ""
        var clean = ""
        /// Line on which each bad row starts in the messy file, and the kind of fault.
        var bad: [(line: Int, kind: String)] = []
        var good = 0
    }

    /// Deterministic: the same seed gives the same files.
    static func make(rows: Int = 300, seed: UInt64 = 7) -> Registry {
        var rng = SplitMix64(seed: seed)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(rng.next() >> 11) / Double(1 << 53) }
        var r = Registry()
        r.messy = "\u{FEFF}nama;bujur;lintang;tinggi_menara;teknologi;keterangan\r\n"
        r.clean = "id,lon,lat,height_m,technology\n"
        var line = 2
        let kinds = ["empty longitude", "text coordinate", "(0, 0)", "thousands separators", "height with unit", "height as a word",
                     "swapped columns", "latitude out of range", "unknown technology"]
        for i in 0..<rows {
            // Inside the White Mountains tile, away from its edges.
            let lon = uniform(-71.85, -71.15), lat = uniform(44.15, 44.85)
            let height = Int(uniform(20, 72)), tech = ["2G", "3G", "4G", "4G"][Int(rng.next() % 4)]
            let id = String(format: "BTS-%03d", i)
            let comma = { (v: Double) in String(format: "%.5f", v).replacingOccurrences(of: ".", with: ",") }
            let note = i % 7 == 0 ? "\"menara bersama\r\ndekat kantor desa\"" : (i % 5 == 0 ? "\"catatan; ada titik koma\"" : "")
            let noteLines = note.components(separatedBy: "\r\n").count - 1
            if i % 11 == 3 {
                let kind = kinds[(i / 11) % kinds.count]
                var fields = [id, comma(lon), comma(lat), "\(height)", tech, note]
                switch kind {
                case "empty longitude": fields[1] = ""
                case "text coordinate": fields[2] = "utara"
                case "(0, 0)": fields[1] = "0"; fields[2] = "0"
                case "thousands separators": fields[1] = "10.758.096,000000"
                case "height with unit": fields[3] = "\(height)m"
                case "height as a word": fields[3] = "tinggi"
                case "swapped columns": fields[1] = comma(lat); fields[2] = comma(lon)
                case "latitude out of range": fields[2] = comma(lat + 100)
                default: fields[4] = "6G"
                }
                r.messy += fields.joined(separator: ";") + "\r\n"
                r.bad.append((line, kind))
            } else {
                r.messy += [id, comma(lon), comma(lat), "\(height)", tech, note].joined(separator: ";") + "\r\n"
                r.clean += "\(id),\(String(format: "%.5f", lon)),\(String(format: "%.5f", lat)),\(height),\(tech)\n"
                r.good += 1
            }
            line += 1 + noteLines
        }
        return r
    }

    @Test func badRowsAreReportedAndGoodRowsGiveTheCleanResult() throws {
        let registry = Self.make()
        #expect(registry.bad.count >= 25 && registry.good >= 250)
        let dir = TemporaryDirectory()
        try registry.messy.write(toFile: dir.file("messy.csv"), atomically: true, encoding: .utf8)
        try registry.clean.write(toFile: dir.file("clean.csv"), atomically: true, encoding: .utf8)
        let common = ["coverage", "--dem", Fixtures.whiteMountainsTile, "--model", "los", "--radius-km", "4", "--threads", "2"]

        // Without --skip-bad-rows: every bad row is named, and nothing is written.
        let strict = try ExternalTool.run(ExternalTool.blankspot, common + ["--towers", dir.file("messy.csv"), "--out", dir.file("strict")])
        #expect(strict.status == 1)
        let parseBad = registry.bad.filter { $0.kind != "swapped columns" }
        #expect(strict.stderr.contains("\(parseBad.count) bad rows"), "\(strict.stderr.prefix(400))")
        for b in parseBad { #expect(strict.stderr.contains("line \(b.line),"), "line \(b.line) (\(b.kind)) is reported") }
        #expect(!FileManager.default.fileExists(atPath: dir.file("strict")))

        let messy = try ExternalTool.run(ExternalTool.blankspot, common + ["--towers", dir.file("messy.csv"), "--out", dir.file("messy"), "--skip-bad-rows"])
        #expect(messy.status == 0, "\(messy.stderr)")
        #expect(messy.stderr.contains("semicolon-separated") && messy.stderr.contains("lon ← 'bujur'") && messy.stderr.contains("height_m ← 'tinggi_menara'"))
        let clean = try ExternalTool.run(ExternalTool.blankspot, common + ["--towers", dir.file("clean.csv"), "--out", dir.file("clean")])
        #expect(clean.status == 0, "\(clean.stderr)")

        // Every bad row is in towers.csv as skipped, with its line; the swapped rows are off the
        // DEM and say so.
        let table = try CSVTable(text: String(contentsOfFile: dir.file("messy/towers.csv"), encoding: .utf8), file: "towers.csv")
        let status = table.column(["status"])!, origin = table.column(["origin"])!
        let skipped = table.rows.filter { $0.fields[status].hasPrefix("skipped") }
        #expect(skipped.count == registry.bad.count)
        for b in registry.bad {
            let row = skipped.first { $0.fields[origin].hasSuffix("messy.csv line \(b.line)") }
            #expect(row != nil, "line \(b.line) (\(b.kind)) is listed as skipped")
            if b.kind == "swapped columns" { #expect(row?.fields[status].contains("seem swapped") == true) }
        }
        #expect(table.rows.count - skipped.count == registry.good)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("messy/run.json")))) as! [String: Any]
        let towers = manifest["towers"] as! [String: Any]
        #expect((towers["bad_rows"] as! [Any]).count == parseBad.count && towers["used"] as? Int == registry.good)

        for raster in ["coverage.tif", "best_server.tif", "server_count.tif"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("messy/" + raster)))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir.file("clean/" + raster)))
            #expect(a == b, "\(raster): the good rows of the messy file give the clean file's raster")
        }
    }
}
