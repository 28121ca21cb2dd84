/// Deterministic fractal value noise: the sum of `octaves` layers of smoothly interpolated
/// random lattice values, each layer at twice the frequency and `persistence` times the
/// amplitude of the previous one. Persistence near 0.5 gives rolling hills, near 0.7–0.8
/// rugged terrain. Values are in roughly [−1, 1].
public struct FractalNoise: Sendable {
    public let seed: UInt64
    public let octaves: Int
    public let persistence: Double
    /// Lattice spacing of the first octave, in the caller's units.
    public let baseWavelength: Double

    public init(seed: UInt64, octaves: Int, persistence: Double, baseWavelength: Double) {
        self.seed = seed
        self.octaves = octaves
        self.persistence = persistence
        self.baseWavelength = baseWavelength
    }

    /// A reproducible pseudo-random value in [−1, 1] for lattice point (i, j) of octave o.
    @inlinable
    func lattice(_ i: Int, _ j: Int, _ o: Int) -> Double {
        var h = seed &+ UInt64(bitPattern: Int64(i)) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: Int64(j)) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(o) &* 0x1656_67B1_9E37_79F9
        var g = SplitMix64(seed: h)
        return g.nextUnit() * 2 - 1
    }

    /// Noise at (x, y).
    public func value(x: Double, y: Double) -> Double {
        var sum = 0.0, amplitude = 1.0, norm = 0.0
        var wavelength = baseWavelength
        for o in 0..<octaves {
            let fx = x / wavelength, fy = y / wavelength
            let i = Int(fx.rounded(.down)), j = Int(fy.rounded(.down))
            let tx = smooth(fx - Double(i)), ty = smooth(fy - Double(j))
            let a = lattice(i, j, o), b = lattice(i + 1, j, o)
            let c = lattice(i, j + 1, o), d = lattice(i + 1, j + 1, o)
            let top = a + (b - a) * tx, bottom = c + (d - c) * tx
            sum += amplitude * (top + (bottom - top) * ty)
            norm += amplitude
            amplitude *= persistence
            wavelength /= 2
        }
        return sum / norm
    }

    /// Quintic fade 6t⁵ − 15t⁴ + 10t³: continuous slope and curvature across lattice cells.
    @inlinable func smooth(_ t: Double) -> Double { t * t * t * (t * (t * 6 - 15) + 10) }
}
