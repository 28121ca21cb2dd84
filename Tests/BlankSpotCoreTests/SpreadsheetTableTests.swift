import BlankSpotCore
import Foundation
import Testing

/// Tower tables as spreadsheets write them: delimiters, decimal commas, encodings, Indonesian
/// column names, explicit mappings, and every bad row reported at once.
@Suite struct SpreadsheetTableTests {
    @Test func delimiterIsDetectedFromTheHeader() throws {
        #expect(try CSVTable(text: "a,b;c\n1,2\n", file: "f").delimiter == ",")
        #expect(try CSVTable(text: "a;b;c\n1;2;3\n", file: "f").delimiter == ";")
        #expect(try CSVTable(text: "a\tb\tc\n1\t2\t3\n", file: "f").delimiter == "\t")
        // Separators inside quotes do not count.
        #expect(try CSVTable(text: "\"a;b;c\",d\n1,2\n", file: "f").delimiter == ",")
        #expect(try CSVTable(text: "\n\nlon;lat\n1;2\n", file: "f").delimiter == ";")
    }

    /// What Excel writes in an Indonesian locale: BOM, semicolons, decimal commas, CRLF, a quoted
    /// note with a line break, Indonesian column names.
    @Test func indonesianExcelExportReads() throws {
        let text = "\u{FEFF}Nama;Bujur;Lintang;Tinggi Menara;Teknologi;Keterangan\r\n"
            + "BTS Satu;115,5;-2,5;42;4G;\"di atas\r\nbukit\"\r\n"
            + "BTS Dua;115,6;-2,6;;2G;\r\n"
        let result = try TowerTableReader.readAll(text: text, file: "bts.csv")
        #expect(result.rejected.isEmpty)
        #expect(result.towers.count == 2)
        #expect(result.towers[0].id == "BTS Satu" && result.towers[0].lonDeg == 115.5 && result.towers[0].latDeg == -2.5)
        #expect(result.towers[0].heightM == 42 && result.towers[0].technology == .lte)
        #expect(result.towers[1].heightM == TowerDefaults.heightM && result.towers[1].technology == .gsm)
        #expect(result.towers[1].origin == "bts.csv line 4", "the note's line break moves the next row to line 4")
        let notes = result.notes.joined(separator: "; ")
        #expect(notes.contains("semicolon-separated") && notes.contains("height_m ← 'Tinggi Menara'") && notes.contains("lon ← 'Bujur'"))
    }

    @Test func decimalCommaOnlyWhereTheDelimiterAllowsIt() {
        #expect(DecimalText.parse("115,5", decimalComma: true) == 115.5)
        #expect(DecimalText.parse("115,5", decimalComma: false) == nil)
        #expect(DecimalText.parse(" -2.25 ") == -2.25)
        #expect(DecimalText.parse("1e3") == 1000)
        for bad in ["nan", "inf", "0x10", "31m", "1,234,567.0", "", "-", "1e99999", ".", "1.2.3"] {
            #expect(DecimalText.parse(bad, decimalComma: false) == nil, "'\(bad)' is not a number")
        }
        #expect(DecimalText.hint(for: "10,758,096.000000", decimalComma: false)?.contains("thousands") == true)
        #expect(DecimalText.hint(for: "10.758.096,5", decimalComma: true)?.contains("thousands") == true)
        #expect(DecimalText.hint(for: "31m", decimalComma: false)?.contains("(31)") == true)
        #expect(DecimalText.hint(for: "-71,3", decimalComma: false)?.contains("decimal comma") == true)
    }

    @Test func explicitMappingAndIgnoredColumnWarning() throws {
        let text = "site,x_lon,y_lat,tower_height,power_w\nA,115.5,-2.5,52,20\n"
        // Without a mapping the coordinates are not found.
        #expect(throws: InputError.self) { _ = try TowerTableReader.readAll(text: text, file: "t.csv") }
        let mapping = try TowerColumns.parseMapping(["lon=x_lon,lat=y_lat", "height_m=tower_height"])
        let result = try TowerTableReader.readAll(text: text, file: "t.csv", mapping: mapping)
        #expect(result.towers.first?.heightM == 52 && result.towers.first?.id == "A")
        let notes = result.notes.joined(separator: "\n")
        #expect(notes.contains("height_m ← 'tower_height' (--column)"))
        #expect(notes.contains("'power_w' looks like a power but feeds nothing"))
        #expect(throws: UsageError.self) { _ = try TowerColumns.parseMapping(["colour=red"]) }
    }

    @Test func everyBadRowIsReportedWithItsHints() throws {
        let text = """
        id,lon,lat,height_m
        ok,115.5,-2.5,30
        zero,0,0,30
        swapped,-2.5,115.5,30
        unit,115.5,-2.5,31m
        twice,115.5,-2.5,30
        twice,115.6,-2.6,30
        """
        let result = try TowerTableReader.readAll(text: text, file: "t.csv")
        #expect(result.towers.map(\.id) == ["ok", "twice"])
        #expect(result.rejected.map(\.origin) == ["t.csv line 3", "t.csv line 4", "t.csv line 5", "t.csv line 7"])
        let reasons = result.rejected.map(\.reason)
        #expect(reasons[0].contains("(0, 0)") && reasons[1].contains("seem swapped") && reasons[2].contains("write the number alone (31)"))
        #expect(reasons[3].contains("already used by line 6"))
        #expect {
            _ = try result.requireAllGood(file: "t.csv")
        } throws: { error in
            let e = error as! InputProblems
            return e.badUnits == 4 && e.description.hasPrefix("t.csv: 4 bad rows") && e.description.contains("--skip-bad-rows")
        }
    }

    @Test func encodings() throws {
        let utf16 = Data([0xFF, 0xFE] + Array("lon\tlat\n1\t2\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try TableText.decode(utf16, file: "u.txt") == "lon\tlat\n1\t2\n")
        let cp1252 = Data([0x6E, 0x61, 0x6D, 0x61, 0x0A, 0x53, 0xE9, 0x0A])   // "nama\nSé\n" in Windows-1252
        #expect(try TableText.decode(cp1252, file: "w.csv") == "nama\nSé\n")
        #expect(throws: InputError.self) { _ = try TableText.decode(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]), file: "z.csv") }
    }

    @Test func thresholdList() throws {
        let t = try ServiceThresholds.parsingList("4G=-105, 2g = -95.5", onto: ServiceThresholds())
        #expect(t.lteDBm == -105 && t.gsmDBm == -95.5 && t.umtsDBm == -100)
        for bad in ["", "4G", "4G=", "4G=abc", "4G=-10", "6G=-100", "4G=-100,4G=-101", "4G=-100,,2G=-90", "=-100"] {
            #expect(throws: UsageError.self, "'\(bad)'") { _ = try ServiceThresholds.parsingList(bad, onto: ServiceThresholds()) }
        }
    }

    @Test func documentedRanges() {
        #expect(throws: UsageError.self) { try OptionRanges.rxHeightM.check(1e9) }
        #expect(throws: UsageError.self) { try OptionRanges.rxHeightM.check(Double.nan) }
        #expect(throws: Never.self) { try OptionRanges.rxHeightM.check(1.5) }
        for r in OptionRanges.all {
            #expect(r.range.lowerBound < r.range.upperBound && !r.source.isEmpty && r.option.hasPrefix("--"))
        }
    }

    /// The memory estimate against a measured peak: the demo (2,713 × 4,034 cells of 92.39 m,
    /// 15 km, 2 threads) peaked at 0.358 GB (GNU time, maximum resident set); the estimate must
    /// not be below it, nor far above (within 2×).
    @Test func memoryEstimateBoundsTheDemo() {
        let e = RunMemoryEstimate(cells: 2713 * 4034, cellSizeM: 92.39, threads: 2, radiusM: 15_500)
        #expect(e.bytes >= 0.358e9 && e.bytes <= 0.716e9, "\(e.bytes)")
        #expect(throws: ResourceError.self) { try e.check(limitBytes: 0.1e9, limitName: "--max-memory-gb") }
    }
}
