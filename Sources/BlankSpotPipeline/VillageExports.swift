import BlankSpotCore
import BlankSpotGDAL

/// The styled GIS exports of a village verdict: QGIS default styles inside `villages.gpkg`,
/// and `villages.kmz` (blank and partial villages, for Google Earth).
enum VillageExports {
    static func addStyles(toGeoPackage path: String) throws {
        try GeoPackageStyles.add([
            LayerStyle(table: "villages", name: "blankspot status", qml: OutputStyles.villagesQML,
                       description: "villages by status (blank, partial, covered), labelled with the priority rank"),
            LayerStyle(table: "priority", name: "blankspot status", qml: OutputStyles.villagesQML,
                       description: "priority list by status, labelled with the priority rank"),
        ], to: path)
    }

    /// Blank and partial villages, one folder each, in priority order.
    static func writeKMZ(_ priority: PriorityList, layer: VillageLayer, to path: String) throws {
        var folders: [KMZLayer] = []
        for status in [VillageStatus.blank, .partial] {
            let entries = priority.entries.filter { $0.coverage.status == status }
            let colour = Palette.status(status).hex
            let table = AttributeTable(
                columns: [("name", .text), ("description", .text), ("village_id", .text), ("status", .text), ("priority_rank", .integer),
                          ("population", .real), ("uncovered_population", .real)],
                rows: entries.map { e in
                    let c = e.coverage, v = c.village
                    let description = "\(OutputStyles.statusLabel(status)); peringkat prioritas (priority rank) \(e.rank); "
                        + "penduduk tanpa layanan (people without service) \(IndonesianNumber.format(c.uncoveredPopulation)) "
                        + "dari (of) \(IndonesianNumber.format(c.population))"
                    return [.text(v.name.isEmpty ? v.id : v.name), .text(description), .text(v.id), .text(status.rawValue), .integer(e.rank),
                            .real((c.population * 10).rounded() / 10), .real((c.uncoveredPopulation * 10).rounded() / 10)]
                })
            folders.append(KMZLayer(name: status == .blank ? "desa blank spot (blank villages)" : "sinyal sebagian (partial villages)",
                                    geometry: .villages(layer, entries.map(\.coverage.village.index)), table: table,
                                    styles: entries.map { _ in "BRUSH(fc:\(colour)b0);PEN(c:\(Palette.border.hex),w:1px)" }))
        }
        try KMZWriter.write(path: path, layers: folders)
    }
}
