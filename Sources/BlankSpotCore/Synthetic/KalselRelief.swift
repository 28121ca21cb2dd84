import Foundation

/// A GENERATED relief for the sample scenario of Kalimantan Selatan — not real terrain.
///
/// No real DEM of Indonesia is available to this project, so the sample pairs the real village
/// polygons with a deterministic, made-up terrain shaped like the province's relief: the
/// Meratus range running SSW–NNE through the middle of the province (peaks near 1,900 m, like
/// Gunung Besar's 1,892 m), foothills on both flanks, the low Barito plain and swamps (a few
/// metres above sea level) to the west and south-west, the coastal plain and the hills of Pulau
/// Laut to the east, and the sea (0 m) outside the province to the south and east, the land
/// sloping down to it over the last 3 km (``coastalTaper(distanceKm:)``). The range's
/// axis and the island ridge are hand-placed polylines; fractal noise gives the texture.
public struct KalselRelief: Sendable {
    public let seed: UInt64
    private let noise: FractalNoise
    private let swampNoise: FractalNoise

    /// The Meratus axis, SSW to NNE (lon, lat), with the crest height there (m).
    static let meratus: [(lon: Double, lat: Double, crestM: Double)] = [
        (114.80, -3.90, 250), (115.05, -3.55, 550), (115.30, -3.20, 850), (115.50, -2.90, 1150),
        (115.62, -2.62, 1350), (115.75, -2.30, 1050), (115.90, -1.95, 800), (116.10, -1.55, 650), (116.30, -1.15, 550),
    ]
    /// Pulau Laut's ridge, S to N.
    static let pulauLaut: [(lon: Double, lat: Double, crestM: Double)] = [
        (116.22, -3.95, 250), (116.28, -3.65, 650), (116.25, -3.35, 550), (116.20, -3.10, 300),
    ]

    public init(seed: UInt64 = 63) {
        self.seed = seed
        noise = FractalNoise(seed: seed, octaves: 9, persistence: 0.6, baseWavelength: 24)   // km
        swampNoise = FractalNoise(seed: seed &+ 1, octaves: 4, persistence: 0.5, baseWavelength: 15)
    }

    /// Ground height, m, at a point; `onLand` false = sea (0 m).
    public func heightM(lonDeg lon: Double, latDeg lat: Double, onLand: Bool) -> Double {
        guard onLand else { return 0 }
        let kmPerDegree = 110.6
        let x = lon * kmPerDegree, y = lat * kmPerDegree
        let (dMeratus, crestMeratus) = Self.distance(lon: lon, lat: lat, to: Self.meratus)
        let (dLaut, crestLaut) = Self.distance(lon: lon, lat: lat, to: Self.pulauLaut)
        // Main range (18 km half-width) and broad foothills (50 km).
        let ridge = crestMeratus * exp(-pow(dMeratus / 18, 2)) + 0.25 * crestMeratus * exp(-pow(dMeratus / 50, 2))
        let island = crestLaut * exp(-pow(dLaut / 6, 2))
        // West and south-west of the range the land falls to the Barito plain and swamps.
        let westness = max(0, min(1, (115.2 - lon + 0.6 * (-3.0 - lat)) / 0.8))
        let plain = 4 + 3 * swampNoise.value(x: x, y: y) + 30 * (1 - westness)
        let relief = max(ridge, island) * (1 - 0.7 * westness)
        // Ridged texture in the hills (sharp crests, deep valleys), gentle undulation in the plain.
        let n = noise.value(x: x, y: y)
        let ridged = 1 - 2 * abs(n)
        let texture = 8 * n + 0.45 * relief * ridged
        return max(1, plain + 0.75 * relief + texture)
    }

    /// How much of the relief stands at `distanceKm` from the sea: 0 at the shore, rising
    /// smoothly (a smoothstep) to 1 at 3 km inland, so that land meets the 0 m sea with a
    /// gentle coastal plain instead of a cliff that would shadow everything behind the coast.
    /// Real coasts of the province are mangrove and swamp a metre or two above the sea.
    public static func coastalTaper(distanceKm: Double) -> Double {
        let t = max(0, min(1, distanceKm / 3))
        return t * t * (3 - 2 * t)
    }

    /// Distance (km) from a point to a polyline and the crest height interpolated at the
    /// nearest point.
    static func distance(lon: Double, lat: Double, to line: [(lon: Double, lat: Double, crestM: Double)]) -> (Double, Double) {
        let k = 110.6
        var best = Double.infinity, crest = 0.0
        for i in 0..<(line.count - 1) {
            let ax = line[i].lon * k, ay = line[i].lat * k, bx = line[i + 1].lon * k, by = line[i + 1].lat * k
            let px = lon * k, py = lat * k
            let vx = bx - ax, vy = by - ay
            let t = max(0, min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)))
            let dx = px - (ax + t * vx), dy = py - (ay + t * vy)
            let d = (dx * dx + dy * dy).squareRoot()
            if d < best { best = d; crest = line[i].crestM + t * (line[i + 1].crestM - line[i].crestM) }
        }
        return (best, crest)
    }
}
