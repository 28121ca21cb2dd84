/// Reads tower tables given as CSV text: the generic blankspot table and the OpenCelliD
/// cell export, told apart by the header.
public enum TowerTableReader {
    /// Which layout a CSV header announces.
    public enum Layout: Sendable, Equatable {
        /// A header naming `lon` and `lat` (see ``TowerAttributes`` for the other columns).
        case generic
        /// OpenCelliD's export: `radio,mcc,net,area,cell,unit,lon,lat,range,samples,…`.
        case openCelliD
    }

    public static func layout(of table: CSVTable) -> Layout {
        let needed = ["radio", "mcc", "net", "area", "cell", "lon", "lat"]
        return needed.allSatisfy({ table.column([$0]) != nil }) ? .openCelliD : .generic
    }

    /// Parses a tower table.
    /// - Throws: ``InputError`` naming the file, line and field of the first bad value.
    public static func read(text: String, file: String) throws -> [Tower] {
        let table = try CSVTable(text: text, file: file)
        let towers: [Tower]
        switch layout(of: table) {
        case .generic: towers = try readGeneric(table, file: file)
        case .openCelliD: towers = try readOpenCelliD(table, file: file)
        }
        guard !towers.isEmpty else {
            throw InputError(file: file, message: "the table has a header but no tower rows")
        }
        try TowerAttributes.checkUniqueIDs(towers, file: file)
        return towers
    }

    private static func coordinate(_ row: (line: Int, fields: [String]), _ column: Int, name: String,
                                   file: String) throws -> Double {
        let text = column < row.fields.count ? row.fields[column] : ""
        guard let v = Double(text), v.isFinite else {
            let what = name == "lon" ? "a longitude in decimal degrees (WGS 84)" : "a latitude in decimal degrees (WGS 84)"
            throw InputError(file: file, location: "line \(row.line)", field: name,
                             message: "expected \(what), got '\(text)'")
        }
        return v
    }

    static func readGeneric(_ table: CSVTable, file: String) throws -> [Tower] {
        guard let lonColumn = table.column(TowerAttributes.lonNames) else {
            throw InputError(file: file, location: "line 1", field: "lon",
                             message: "the header has no longitude column; expected 'lon' (or longitude, lng) and 'lat' (or latitude), found: \(table.header.joined(separator: ", "))")
        }
        guard let latColumn = table.column(TowerAttributes.latNames) else {
            throw InputError(file: file, location: "line 1", field: "lat",
                             message: "the header has no latitude column; expected 'lat' (or latitude), found: \(table.header.joined(separator: ", "))")
        }
        return try table.rows.enumerated().map { index, row in
            let lon = try coordinate(row, lonColumn, name: "lon", file: file)
            let lat = try coordinate(row, latColumn, name: "lat", file: file)
            return try TowerAttributes.tower(
                lonDeg: lon, latDeg: lat,
                value: { names in
                    guard let c = table.column(names), c < row.fields.count else { return nil }
                    return row.fields[c]
                },
                file: file, location: "line \(row.line)", defaultID: "T\(index + 1)")
        }
    }

    /// OpenCelliD rows are cells, not sites. Cells at exactly the same position (same lon and
    /// lat text) are merged into one site: its id is `mcc-net-area-cell` of the first cell seen,
    /// its technology the newest among its cells (LTE over UMTS over GSM; NR above all), and the
    /// other parameters the ``TowerDefaults`` for that technology. OpenCelliD positions are
    /// crowd-sourced estimates of the cell's location (often hundreds of metres off), and the
    /// export has no height, power or azimuth.
    static func readOpenCelliD(_ table: CSVTable, file: String) throws -> [Tower] {
        let c = { (name: String) in table.column([name])! }
        let lonColumn = c("lon"), latColumn = c("lat"), radioColumn = c("radio")
        let idColumns = ["mcc", "net", "area", "cell"].map(c)
        var order: [String] = []
        var sites: [String: (tower: Tower, rank: Int)] = [:]
        for row in table.rows {
            let lon = try coordinate(row, lonColumn, name: "lon", file: file)
            let lat = try coordinate(row, latColumn, name: "lat", file: file)
            let radioText = radioColumn < row.fields.count ? row.fields[radioColumn] : ""
            guard let technology = Technology(name: radioText) else {
                throw InputError(file: file, location: "line \(row.line)", field: "radio",
                                 message: "expected GSM, UMTS, CDMA, LTE or NR, got '\(radioText)'")
            }
            let key = "\(row.fields[lonColumn]),\(row.fields[latColumn])"
            let rank = Technology.allCases.firstIndex(of: technology)!
            if let existing = sites[key] {
                if rank > existing.rank {
                    var t = existing.tower
                    t.technology = technology
                    t.frequencyMHz = TowerDefaults.frequencyMHz(technology)
                    t.eirpDBm = TowerDefaults.eirpDBm(technology)
                    sites[key] = (t, rank)
                }
                continue
            }
            let id = idColumns.map { $0 < row.fields.count ? row.fields[$0] : "" }.joined(separator: "-")
            let tower = try TowerAttributes.tower(
                lonDeg: lon, latDeg: lat, value: { _ in nil }, file: file,
                location: "line \(row.line)", defaultID: id)
            var t = tower
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
        return towers
    }
}
