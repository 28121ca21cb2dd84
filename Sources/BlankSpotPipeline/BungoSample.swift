import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// The second bundled sample, Kabupaten Bungo (Jambi): real terrain, real land cover, real
/// villages (data/bungo, see its README), with the two parts no public source gives made here:
/// village populations, estimated from the regency's total, and towers, GENERATED. Used by
/// `tools/bungo-sample`, which writes the committed files, and by `blankspot demo --sample bungo`.
public enum BungoSample {
    public static let demFileName = "bungo_elev_srtm.tif"
    public static let landCoverFileName = "bungo_landcover_2010r.tif"
    public static let landCoverTableFileName = "bungo_landcover_table.csv"
    public static let villagesSourceFileName = "bungo_desa_kelurahan.geojson"
    public static let villagesFileName = "bungo_desa_kelurahan_estimated_population.geojson"
    public static let kecamatanFileName = "bungo_kecamatan.geojson"
    public static let towersFileName = "GENERATED-bungo-towers.csv"
    /// The regency's population (Kepmendagri No 300.2.2-2138 Tahun 2025; bungo_penduduk_kabupaten.csv).
    public static let population = 380_027.0
    /// Land-cover class of settlements on the ICRAF map.
    static let settlementClass: Float = 25

    /// Population per desa/kelurahan, estimated dasymetrically: the regency's total shared in
    /// proportion to each village's settlement cells on the land-cover map (class 25), plus one
    /// cell each so that a village without mapped houses still gets a share. An estimate for the
    /// sample, not census data.
    public static func estimatePopulation(villagesPath: String, landCoverPath: String) throws -> [String: Double] {
        let cover = try RasterReader.read(path: landCoverPath)
        let layer = try VillageLayer(path: villagesPath, idField: "kode", nameField: "nama", populationField: nil)
        let crs = try AnalysisCRS(userInput: "EPSG:32748")
        let cells = try layer.rasterize(onto: cover.grid, crs: crs)
        var weight = [Double](repeating: 1, count: layer.records.count)
        for i in 0..<cover.grid.cellCount where cover.values[i] == settlementClass {
            let v = Int(cells.owner[i])
            if v >= 0 { weight[v] += 1 }
        }
        let total = weight.reduce(0, +)
        var out: [String: Double] = [:]
        for (i, r) in layer.records.enumerated() { out[r.id] = (population * weight[i] / total).rounded() }
        return out
    }

    /// GENERATED towers: one 42 m 4G site per kecamatan, on the settlement cell nearest the
    /// kecamatan's centroid (inside the regency), where a town's tower would stand.
    public static func towersCSV(kecamatanPath: String, landCoverPath: String) throws -> String {
        let cover = try RasterReader.read(path: landCoverPath)
        let g = cover.grid
        let kecamatan = try VillageLayer(path: kecamatanPath, idField: "kode", nameField: "nama", populationField: nil)
        let crs = try AnalysisCRS(userInput: "EPSG:32748")
        let centres = try kecamatan.measure(in: crs)
        var settlements: [(x: Double, y: Double)] = []
        for row in 0..<g.height {
            for col in 0..<g.width where cover.values[row * g.width + col] == settlementClass {
                settlements.append((g.centreXM(col: col), g.centreYM(row: row)))
            }
        }
        guard !settlements.isEmpty else { throw InputError(file: landCoverPath, message: "no settlement cell (class 25) on the map") }
        var text = CSVWriter.line(["id", "lon", "lat", "height_m", "technology", "source"])
        var used = Set<Int>()
        for (i, r) in kecamatan.records.enumerated() {
            let c = centres[i]
            var best = -1, bestD = Double.infinity
            for (k, s) in settlements.enumerated() where !used.contains(k) {
                let d = (s.x - c.centroidXM) * (s.x - c.centroidXM) + (s.y - c.centroidYM) * (s.y - c.centroidYM)
                if d < bestD { bestD = d; best = k }
            }
            used.insert(best)
            guard let p = crs.unproject(points: [(xM: settlements[best].x, yM: settlements[best].y)])[0] else { continue }
            text += CSVWriter.line(["GEN-KEC-\(r.id)", CSVWriter.number(p.lonDeg, decimals: 5), CSVWriter.number(p.latDeg, decimals: 5),
                                    "42", "4G", "GENERATED: settlement nearest the centre of kecamatan \(r.name)"])
        }
        return text
    }
}
