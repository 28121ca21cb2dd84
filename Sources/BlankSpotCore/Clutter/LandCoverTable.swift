/// What the propagation models need to know of a land-cover class: its clutter, its
/// representative clutter height R, its radio-climatic zone for P.1812, its clutter type for
/// P.2108 and its environment for Hata.
public struct LandCoverClass: Sendable, Equatable {
    public var code: Int
    public var name: String
    /// A short word for the kind of clutter (`trees`, `village`, `open`, `water`, …), for
    /// reports and `--clutter`.
    public var category: String
    /// Representative clutter height R above ground, m (P.1812 §3.2; P.2108 Table 1).
    public var clutterHeightM: Double
    /// P.1812 radio-climatic zone: water classes are sea (B), the rest inland (A2).
    public var zone: RadioClimaticZone
    public var p2108Type: P2108.ClutterType
    public var hataEnvironment: Hata.Environment

    public init(code: Int, name: String, category: String, clutterHeightM: Double, zone: RadioClimaticZone,
                p2108Type: P2108.ClutterType, hataEnvironment: Hata.Environment) {
        self.code = code
        self.name = name
        self.category = category
        self.clutterHeightM = clutterHeightM
        self.zone = zone
        self.p2108Type = p2108Type
        self.hataEnvironment = hataEnvironment
    }
}

/// A land-cover legend: class code → ``LandCoverClass``, and the class a cell without data
/// takes. Written as CSV (`--landcover-table`):
///
/// ```
/// code,name,category,clutter_height_m,p1812_zone,p2108_type,hata_environment
/// 10,Tree cover,trees,15,inland,trees_forest,suburban
/// ```
///
/// `p1812_zone` is `sea`, `coastal` or `inland`; `p2108_type` one of `water_sea`,
/// `open_rural`, `suburban`, `urban`, `trees_forest`, `dense_urban`; `hata_environment` one of
/// `urban`, `suburban`, `rural`, `open`. A row with code `nodata` gives the fallback.
public struct LandCoverTable: Sendable {
    public var name: String
    public var classes: [Int: LandCoverClass]
    /// The class of a cell whose land cover has no data (or a code the table lacks).
    public var fallback: LandCoverClass

    public init(name: String, classes: [LandCoverClass], fallback: LandCoverClass) {
        self.name = name
        self.classes = Dictionary(classes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.fallback = fallback
    }

    /// The class of `code`, or the fallback.
    public func lookup(_ code: Int) -> LandCoverClass { classes[code] ?? fallback }

    public static let header = ["code", "name", "category", "clutter_height_m", "p1812_zone", "p2108_type", "hata_environment"]

    /// Reads a table written as above.
    /// - Throws: ``InputProblems`` listing every bad row, or ``InputError`` for a bad header.
    public static func parse(text: String, file: String) throws -> LandCoverTable {
        let table = try CSVTable(text: text, file: file)
        let columns = try header.map { name -> Int in
            guard let c = table.column([name]) else {
                throw InputError(file: file, location: "line 1", field: name,
                                 message: "the header has no '\(name)' column; expected \(header.joined(separator: ","))")
            }
            return c
        }
        var classes: [LandCoverClass] = []
        var fallback: LandCoverClass?
        var problems: [InputError] = []
        var badRows = 0
        var seen: [Int: Int] = [:]
        for row in table.rows {
            func at(_ k: Int) -> String { columns[k] < row.fields.count ? row.fields[columns[k]].trimmingSpaces() : "" }
            var rowProblems: [InputError] = []
            func problem(_ field: String, _ message: String) {
                rowProblems.append(InputError(file: file, location: "line \(row.line)", field: field, message: message))
            }
            let codeText = at(0).lowercased()
            let code = codeText == "nodata" ? -1 : Int(codeText)
            if code == nil || (code! < 0 && codeText != "nodata") { problem("code", "expected a class code (a whole number 0 or more) or 'nodata', got '\(at(0))'") }
            let heightValue = DecimalText.parse(at(3), decimalComma: table.allowsDecimalComma)
            if heightValue == nil || !(0...100).contains(heightValue!) {
                problem("clutter_height_m", "expected a representative clutter height from 0 to 100 m, got '\(at(3))'")
            }
            let zone: RadioClimaticZone? = ["sea": .sea, "coastal": .coastalLand, "inland": .inland][at(4).lowercased()]
            if zone == nil { problem("p1812_zone", "expected sea, coastal or inland, got '\(at(4))'") }
            let types: [String: P2108.ClutterType] = ["water_sea": .waterSea, "open_rural": .openRural, "suburban": .suburban,
                                                      "urban": .urban, "trees_forest": .treesForest, "dense_urban": .denseUrban]
            let type = types[at(5).lowercased()]
            if type == nil { problem("p2108_type", "expected one of \(types.keys.sorted().joined(separator: ", ")), got '\(at(5))'") }
            let hata = Hata.Environment(rawValue: at(6).lowercased())
            if hata == nil { problem("hata_environment", "expected urban, suburban, rural or open, got '\(at(6))'") }
            if let code, code >= 0, let first = seen[code] { problem("code", "code \(code) is already defined on line \(first)") }
            if !rowProblems.isEmpty {
                problems += rowProblems
                badRows += 1
                continue
            }
            let c = LandCoverClass(code: code!, name: at(1), category: at(2).isEmpty ? "unnamed" : at(2), clutterHeightM: heightValue!,
                                   zone: zone!, p2108Type: type!, hataEnvironment: hata!)
            if code! < 0 { fallback = c } else { classes.append(c); seen[code!] = row.line }
        }
        guard problems.isEmpty else {
            throw InputProblems(file: file, unit: "row", problems: problems, badUnits: badRows, advice: "fix them")
        }
        guard !classes.isEmpty else { throw InputError(file: file, message: "the table defines no class; expected one row per land-cover code") }
        guard let fallback else {
            throw InputError(file: file, message: "the table has no 'nodata' row; expected one giving the class of cells without land cover")
        }
        return LandCoverTable(name: file, classes: classes, fallback: fallback)
    }

    /// The table as CSV, in the format ``parse(text:file:)`` reads.
    public var csv: String {
        func row(_ c: LandCoverClass, code: String) -> [String] {
            let zone = c.zone == .sea ? "sea" : c.zone == .coastalLand ? "coastal" : "inland"
            let type = ["water_sea", "open_rural", "suburban", "urban", "trees_forest", "dense_urban"][c.p2108Type.rawValue - 1]
            return [code, c.name, c.category, c.clutterHeightM.formatted, zone, type, c.hataEnvironment.rawValue]
        }
        var text = CSVWriter.line(Self.header)
        for code in classes.keys.sorted() { text += CSVWriter.line(row(classes[code]!, code: String(code))) }
        text += CSVWriter.line(row(fallback, code: "nodata"))
        return text
    }
}
