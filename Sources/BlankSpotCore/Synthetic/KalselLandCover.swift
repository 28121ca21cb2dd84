/// A GENERATED land cover for the sample scenario of Kalimantan Selatan — not a real map.
///
/// No land-cover map of the province is available to this project, so the sample derives one
/// from the GENERATED terrain (``KalselRelief``) by fixed rules that follow the province's real
/// pattern: forest on the Meratus hills (above 200 m; mixed with rubber gardens from 120 m), oil palm and rubber plantations mixed with rice fields
/// on the plains, swamp and rice on the low Barito plain, mangroves along the coast, built-up
/// land at the kabupaten/kota and kecamatan centres, and water at sea and along the main rivers
/// (the Barito, the Martapura and the Negara–Tabalong, hand-placed approximately). The class
/// codes are those of `data/kalsel/GENERATED-kalsel-landcover-table.csv`.
public struct KalselLandCover: Sendable {
    public enum Class: UInt8, Sendable, CaseIterable {
        case forest = 1, plantation = 2, cropland = 3, swamp = 4, mangrove = 5, builtUp = 6, sea = 7, river = 8
    }

    private let mixNoise: FractalNoise

    public init(seed: UInt64 = 64) {
        mixNoise = FractalNoise(seed: seed, octaves: 5, persistence: 0.55, baseWavelength: 12)   // km
    }

    /// The main rivers (lon, lat) with their width (m), upstream to mouth.
    static let rivers: [(widthM: Double, line: [(lon: Double, lat: Double)])] = [
        (700, [(114.85, -1.20), (114.80, -1.75), (114.70, -2.25), (114.72, -2.75), (114.76, -3.00), (114.60, -3.25),
               (114.56, -3.45), (114.52, -3.62)]),                                                    // Barito
        (250, [(115.45, -2.05), (115.38, -2.17), (115.25, -2.42), (115.10, -2.70), (114.90, -2.90), (114.76, -3.00)]), // Tabalong–Negara
        (200, [(115.05, -3.50), (114.85, -3.41), (114.70, -3.33), (114.60, -3.31)]),                  // Martapura
    ]

    /// Whether a point lies on one of ``rivers``.
    public func isRiver(lonDeg lon: Double, latDeg lat: Double) -> Bool {
        Self.rivers.contains { r in
            KalselRelief.distance(lon: lon, lat: lat, to: r.line.map { ($0.lon, $0.lat, 0) }).0 * 1000 <= r.widthM / 2
        }
    }

    /// The class of a cell: `onLand` false = sea; `groundM` its generated height;
    /// `toSeaKm` its distance to the sea; `builtUp` whether it lies in a town centre.
    public func classify(lonDeg lon: Double, latDeg lat: Double, onLand: Bool, groundM: Double, toSeaKm: Double,
                         builtUp: Bool) -> Class {
        guard onLand else { return .sea }
        if isRiver(lonDeg: lon, latDeg: lat) { return .river }
        if builtUp { return .builtUp }
        if toSeaKm < 1.5 && groundM < 5 { return .mangrove }
        let n = mixNoise.value(x: lon * 110.6, y: lat * 110.6)
        // The hills: forest above 200 m; forest and rubber gardens from 120 m.
        if groundM >= 200 { return .forest }
        if groundM >= 120 { return n > -0.1 ? .forest : .plantation }
        // The low Barito plain: swamp and rice.
        if groundM < 8 { return n > 0.25 ? .swamp : .cropland }
        // The plain: oil palm and rubber plantations, rice fields.
        return n > 0 ? .plantation : .cropland
    }
}
