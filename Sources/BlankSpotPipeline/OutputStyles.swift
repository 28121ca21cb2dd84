import BlankSpotCore
import BlankSpotGDAL

/// The QGIS styles of blankspot's outputs, all drawn from ``Palette``: the `.qml` sidecars of
/// the rasters and the default styles of `villages.gpkg` and `sites.gpkg`.
enum OutputStyles {
    /// Legend names of the village statuses: Bahasa Indonesia, then English.
    static func statusLabel(_ s: VillageStatus) -> String {
        switch s {
        case .blank: "desa blank spot (blank)"
        case .partial: "sinyal sebagian (partial)"
        case .covered: "terlayani (covered)"
        }
    }

    /// The sidecar of a coverage raster, by file name, or nil for rasters without one
    /// (`best_server.tif` holds tower identifiers, not a quantity to colour).
    /// - Parameter signalThresholdsDBm: the thresholds of the technologies of the towers used,
    ///   most towers first.
    static func rasterQML(file: String, product: RasterProduct, signalThresholds: [(technology: String, dBm: Double)]) -> String? {
        switch file {
        case "coverage.tif":
            let entries = product.colorTable.map { e in
                QMLStyle.Entry(value: Double(e.value), colour: RGBColour(e.rgba.0, e.rgba.1, e.rgba.2),
                               label: e.value < product.categoryNames.count ? product.categoryNames[e.value] : String(e.value))
            }
            return QMLStyle.palettedRaster(entries)
        case "server_count.tif":
            let ramp = Palette.serverCount
            return QMLStyle.discreteRaster([
                .init(value: 0, colour: Palette.blank, label: "0: tidak ada BTS (no tower)"),
                .init(value: 1, colour: ramp[0], label: "1 BTS (1 tower)"),
                .init(value: 2, colour: ramp[1], label: "2 BTS (2 towers)"),
                .init(value: 3, colour: ramp[2], label: "3 BTS (3 towers)"),
                .init(value: .infinity, colour: ramp[3], label: "4 BTS atau lebih (4 or more)"),
            ], minimum: 0, maximum: 8)
        case "signal_dbm.tif":
            guard let main = signalThresholds.first else { return nil }
            let t = main.dBm
            let others = signalThresholds.dropFirst().map { "\($0.technology) \(QMLStyle.number($0.dBm)) dBm" }
            let note = others.isEmpty ? "" : " — other technologies: \(others.joined(separator: ", ")); coverage.tif applies each tower's own"
            let c = Palette.serviceClasses
            // A cell exactly at the threshold is served: the first class ends just below it.
            return QMLStyle.discreteRaster([
                .init(value: t.nextDown, colour: c[0], label: "< \(QMLStyle.number(t)) dBm: tanpa layanan (no service, \(main.technology) threshold)\(note)"),
                .init(value: (t + 10).nextDown, colour: c[1], label: "\(QMLStyle.number(t)) … \(QMLStyle.number(t + 10)) dBm: sinyal lemah (marginal, outdoor)"),
                .init(value: (t + 20).nextDown, colour: c[2], label: "\(QMLStyle.number(t + 10)) … \(QMLStyle.number(t + 20)) dBm: baik (good, in vehicles)"),
                .init(value: .infinity, colour: c[3], label: "≥ \(QMLStyle.number(t + 20)) dBm: kuat (strong, indoor)"),
            ], minimum: t - 30, maximum: t + 50)
        default:
            return nil
        }
    }

    /// Villages by status, labelled with their priority rank (blank and partial villages).
    static let villagesQML = QMLStyle.categorizedPolygons(
        field: "status",
        [VillageStatus.blank, .partial, .covered].map { .init(value: $0.rawValue, colour: Palette.status($0), label: statusLabel($0)) },
        outline: Palette.border,
        labelExpression: "CASE WHEN \"status\" <> 'covered' THEN \"priority_rank\" END")

    /// Suggested sites: purple triangles labelled with their id.
    static let sitesQML = QMLStyle.points(colour: Palette.site, shape: "triangle", sizeMM: 4, labelExpression: "\"id\"")

    /// The thresholds of the technologies of `towers`, the most common technology first (ties:
    /// the lower threshold first).
    static func thresholds(of technologies: [Technology], _ thresholds: ServiceThresholds) -> [(technology: String, dBm: Double)] {
        var count: [Technology: Int] = [:]
        for t in technologies { count[t, default: 0] += 1 }
        return count.keys.sorted {
            count[$0]! != count[$1]! ? count[$0]! > count[$1]! : (thresholds.dBm(for: $0) != thresholds.dBm(for: $1) ? thresholds.dBm(for: $0) < thresholds.dBm(for: $1) : $0.rawValue < $1.rawValue)
        }.map { (technology: $0.rawValue, dBm: thresholds.dBm(for: $0)) }
    }
}
