/// Reads tower tables given as CSV text: the generic blankspot table and the OpenCelliD
/// cell export, told apart by the header.
public enum TowerTableReader {
    /// Which layout a CSV header announces.
    public enum Layout: Sendable, Equatable {
        /// A header naming the longitude and latitude (see ``TowerField`` for the columns).
        case generic
        /// OpenCelliD's export: `radio,mcc,net,area,cell,unit,lon,lat,range,samples,…`.
        case openCelliD
    }

    public static func layout(of table: CSVTable) -> Layout {
        let needed = ["radio", "mcc", "net", "area", "cell", "lon", "lat"]
        return needed.allSatisfy({ table.column([$0]) != nil }) ? .openCelliD : .generic
    }

    /// Parses a tower table strictly: every tower, or an ``InputProblems`` listing every bad row.
    public static func read(text: String, file: String, mapping: [TowerField: String] = [:]) throws -> [Tower] {
        try readAll(text: text, file: file, mapping: mapping).requireAllGood(file: file)
    }

    /// Parses a tower table, keeping the bad rows apart with all their problems.
    /// - Throws: ``InputError`` when the table as a whole cannot be read: no header, no rows,
    ///   no longitude or latitude column, a `--column` that names no column.
    public static func readAll(text: String, file: String, mapping: [TowerField: String] = [:]) throws -> TowerReadResult {
        let table = try CSVTable(text: text, file: file)
        var result: TowerReadResult
        switch layout(of: table) {
        case .generic: result = try readGeneric(table, file: file, mapping: mapping)
        case .openCelliD: result = try readOpenCelliD(table, file: file)
        }
        let delimiter = table.delimiter == "," ? "comma" : table.delimiter == ";" ? "semicolon" : "tab"
        result.notes.insert("\(delimiter)-separated\(table.allowsDecimalComma ? ", decimal comma or point" : ", decimal point")", at: 0)
        guard !result.towers.isEmpty || !result.rejected.isEmpty else {
            throw InputError(file: file, message: "the table has a header but no tower rows; expected one row per tower after the header")
        }
        result.rejectDuplicateIDs(file: file)
        return result
    }

    static func readGeneric(_ table: CSVTable, file: String, mapping: [TowerField: String]) throws -> TowerReadResult {
        let columns = try TowerColumns(header: table.header, mapping: mapping, file: file)
        let found = table.header.joined(separator: table.delimiter == "\t" ? " | " : ", ")
        guard columns.index[.lon] != nil else {
            throw InputError(file: file, location: "line 1", field: "lon",
                             message: "the header has no longitude column; expected 'lon' (or longitude, lng, bujur; or --column lon=NAME), found: \(found)")
        }
        guard columns.index[.lat] != nil else {
            throw InputError(file: file, location: "line 1", field: "lat",
                             message: "the header has no latitude column; expected 'lat' (or latitude, lintang; or --column lat=NAME), found: \(found)")
        }
        var towers: [Tower] = []
        var rejected: [TowerReadResult.Rejected] = []
        for (index, row) in table.rows.enumerated() {
            let location = "line \(row.line)"
            var problems: [InputError] = []
            if row.fields.count > table.header.count, row.fields[table.header.count...].contains(where: { !$0.isEmpty }) {
                problems.append(InputError(file: file, location: location, message:
                    "expected \(table.header.count) fields as in the header, got \(row.fields.count) (an unquoted \(table.delimiter == "," ? "comma" : "separator") inside a value?)"))
            }
            let value: (TowerField) -> String? = { field in
                guard let c = columns.index[field], c < row.fields.count else { return nil }
                return row.fields[c]
            }
            let id = value(.id)?.trimmingSpaces() ?? ""
            switch TowerAttributes.parse(value: value, decimalComma: table.allowsDecimalComma, file: file, location: location,
                                         defaultID: "T\(index + 1)") {
            case .tower(let t) where problems.isEmpty: towers.append(t)
            case .tower: rejected.append(.init(origin: "\(file) \(location)", id: id, problems: problems))
            case .rejected(let more): rejected.append(.init(origin: "\(file) \(location)", id: id, problems: problems + more))
            }
        }
        return TowerReadResult(towers: towers, rejected: rejected, notes: columns.notes)
    }

    /// OpenCelliD rows are cells, not sites. Cells at exactly the same position (same lon and
    /// lat text) are merged into one site: its id is `mcc-net-area-cell` of the first cell seen,
    /// its technology the newest among its cells (LTE over UMTS over GSM; NR above all), and the
    /// other parameters the ``TowerDefaults`` for that technology. OpenCelliD positions are
    /// crowd-sourced estimates of the cell's location (often hundreds of metres off), and the
    /// export has no height, power or azimuth.
    static func readOpenCelliD(_ table: CSVTable, file: String) throws -> TowerReadResult {
        let c = { (name: String) in table.column([name])! }
        let lonColumn = c("lon"), latColumn = c("lat"), radioColumn = c("radio")
        let idColumns = ["mcc", "net", "area", "cell"].map(c)
        var order: [String] = []
        var sites: [String: (tower: Tower, rank: Int)] = [:]
        var rejected: [TowerReadResult.Rejected] = []
        for row in table.rows {
            let location = "line \(row.line)"
            func at(_ column: Int) -> String { column < row.fields.count ? row.fields[column] : "" }
            let id = idColumns.map(at).joined(separator: "-")
            let radioText = at(radioColumn)
            var problems: [InputError] = []
            let technology = Technology(name: radioText)
            if technology == nil {
                problems.append(InputError(file: file, location: location, field: "radio", message: "expected GSM, UMTS, CDMA, LTE or NR, got '\(radioText)'"))
            }
            let outcome = TowerAttributes.parse(
                value: { $0 == .lon ? at(lonColumn) : $0 == .lat ? at(latColumn) : nil }, decimalComma: false,
                file: file, location: location, defaultID: id)
            guard case .tower(var t) = outcome, let technology else {
                if case .rejected(let more) = outcome { problems += more }
                rejected.append(.init(origin: "\(file) \(location)", id: id, problems: problems))
                continue
            }
            let key = "\(at(lonColumn)),\(at(latColumn))"
            let rank = Technology.allCases.firstIndex(of: technology)!
            if let existing = sites[key] {
                if rank > existing.rank {
                    var merged = existing.tower
                    merged.technology = technology
                    merged.frequencyMHz = TowerDefaults.frequencyMHz(technology)
                    merged.eirpDBm = TowerDefaults.eirpDBm(technology)
                    sites[key] = (merged, rank)
                }
                continue
            }
            t.technology = technology
            t.frequencyMHz = TowerDefaults.frequencyMHz(technology)
            t.eirpDBm = TowerDefaults.eirpDBm(technology)
            sites[key] = (t, rank)
            order.append(key)
        }
        var towers = order.map { sites[$0]!.tower }
        // Two sites may share the first cell's id only if the export repeats a cell at two
        // positions; keep ids unique by suffixing the later ones.
        var used: [String: Int] = [:]
        for i in towers.indices {
            let n = used[towers[i].id, default: 0]
            used[towers[i].id] = n + 1
            if n > 0 { towers[i].id += "#\(n + 1)" }
        }
        return TowerReadResult(towers: towers, rejected: rejected, notes: ["OpenCelliD cell export: cells at one position merged into a site"])
    }
}
