/// Profile points next to a receiver cell, sampled on the exact grid line from the tower to
/// that cell (as ``GridProfile`` does), nearest to the receiver last.
///
/// Why: a ray passes up to half a cell beside the cells it evaluates, and the terrain just in
/// front of a 1.5 m receiver antenna weighs most in diffraction (the Fresnel weighting of P.1812
/// eq. 15 grows without bound towards the terminals), so half a cell sideways there can change
/// the loss by decibels. Taking the last few points from the exact line removes that error
/// where it is largest, at the cost of K interpolations per cell.
///
/// The profile is the line itself, not a copy: a model reads the points in one pass with
/// ``forEachPoint(_:)`` (what the per-cell loop of P.1812 does, so that sampling and using a
/// point are one loop), or one at a time with ``heightM(_:)``. The receiver lies at major step
/// i = `firstIndex` + `count`, minor offset m; point j (= `firstIndex` + k) lies at major step j
/// and minor offset m·j/i, held exactly as q + r/i (0 ≤ r < i) with no rounding call. Heights
/// and distances come from the same expressions as ``GridProfile`` (bit for bit, a test checks).
public struct NearProfile {
    /// How many points (at most the model's ``RayProfileModel/exactNearSamples``).
    public let count: Int
    /// The points are evenly spaced: point k lies (`firstIndex` + k)·`spacingM` from the tower.
    public let firstIndex: Int
    public let spacingM: Double
    /// Room for the model's own per-receiver work: `scratchPerSample`·K doubles.
    public private(set) var scratch: UnsafeMutablePointer<Double>

    private var heights: UnsafePointer<Float>
    /// The clutter surface (terrain + R) on the same grid, and scratch for its points; nil for
    /// bare terrain.
    private var surface: UnsafePointer<Float>?
    private var surfaceScratch: UnsafeMutablePointer<Double>?
    /// 1/j for j = 0… (the sweep's table).
    private let inverseSteps: UnsafePointer<Double>
    /// The receiver's major step i and its 1/i, the signed minor offset m.
    private let receiverStep: Int
    private let inverseReceiverStep: Double
    private let minorOffset: Int
    /// Grid index of (major step `firstIndex`, minor offset 0), and the index steps of one
    /// major step and of one minor unit.
    private let firstRowBase: Int
    private let majorStep: Int
    private let minorUnit: Int
    /// 1000/`spacingM`: the reciprocal distances in km⁻¹ are this times 1/j.
    private let inverseSpacingKm: Double

    /// Doubles of scratch the sweep provides per near sample.
    public static let scratchPerSample = 5

    /// The last `count` points before the receiver at (major step `receiverStep`, signed minor
    /// offset `minorOffset`) of a ray walked from grid index `originBase` in steps of
    /// `majorStep` (one minor unit = `minorUnit`), `spacingM` apart on the line.
    init(count: Int, receiverStep i: Int, minorOffset m: Int, spacingM: Double, originBase: Int, majorStep: Int, minorUnit: Int,
         heights: UnsafePointer<Float>, inverseSteps: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>,
         surface: UnsafePointer<Float>? = nil, surfaceScratch: UnsafeMutablePointer<Double>? = nil) {
        self.surface = surface
        self.surfaceScratch = surfaceScratch
        self.count = count
        firstIndex = i - count
        self.spacingM = spacingM
        self.scratch = scratch
        self.heights = heights
        self.inverseSteps = inverseSteps
        receiverStep = i
        inverseReceiverStep = inverseSteps[i]
        minorOffset = m
        firstRowBase = originBase &+ (i - count) &* majorStep
        self.majorStep = majorStep
        self.minorUnit = minorUnit
        inverseSpacingKm = count > 0 ? 1000 / spacingM : 0
    }

    /// The same points read on the clutter surface (terrain + R), with their own scratch; nil
    /// for bare terrain.
    public var onSurface: NearProfile? {
        guard let surface, let surfaceScratch else { return nil }
        var copy = self
        copy.heights = surface
        copy.scratch = surfaceScratch
        copy.surface = nil
        copy.surfaceScratch = nil
        return copy
    }

    /// Distance of point k from the tower, m.
    @inline(__always)
    public func distanceM(_ k: Int) -> Double { Double(firstIndex &+ k) * spacingM }

    /// 1/d and 1/(D − d) for point k, d its distance from the tower and D the receiver's, km⁻¹
    /// (from the 1/j table: no division).
    @inline(__always)
    public func inverseDistancePerKm(_ k: Int) -> Double { inverseSpacingKm * inverseSteps[firstIndex &+ k] }
    @inline(__always)
    public func inverseRemainingPerKm(_ k: Int) -> Double { inverseSpacingKm * inverseSteps[receiverStep &- firstIndex &- k] }

    /// Terrain height of point k (nan where either cell it lies between has no data): linear
    /// between the two cell centres either side of the line.
    public func heightM(_ k: Int) -> Double {
        let p = position(ofPoint: k)
        return height(base: p.base, remainder: p.remainder)
    }

    /// Where point k lies: the grid index of the cell at or below the line (minor offset
    /// q = ⌊m·j/i⌋, j = `firstIndex` + k) and the remainder r = m·j − q·i (0 ≤ r < i).
    @inline(__always)
    private func position(ofPoint k: Int) -> (base: Int, remainder: Int) {
        var (q, r) = (minorOffset * (firstIndex + k)).quotientAndRemainder(dividingBy: receiverStep)
        if r < 0 { r += receiverStep; q -= 1 }
        return (firstRowBase &+ k &* majorStep &+ q &* minorUnit, r)
    }

    @inline(__always)
    private func height(base: Int, remainder r: Int) -> Double {
        let h = Double(heights[base])
        return r != 0 ? h + (Double(heights[base &+ minorUnit]) - h) * (Double(r) * inverseReceiverStep) : h
    }

    /// Calls `body(k, distanceM, heightM, 1/d km⁻¹, 1/(D − d) km⁻¹)` for k = 0…`count` − 1, in
    /// order, stepping along the line with integer remainders.
    @inline(__always)
    public func forEachPoint(_ body: (_ k: Int, _ distanceM: Double, _ heightM: Double, _ inverseDistancePerKm: Double,
                                      _ inverseRemainingPerKm: Double) -> Void) {
        guard count > 0 else { return }
        let i = receiverStep, m = minorOffset
        var (base, r) = position(ofPoint: 0)
        let minor = minorUnit
        for k in 0..<count {
            body(k, distanceM(k), height(base: base, remainder: r), inverseDistancePerKm(k), inverseRemainingPerKm(k))
            // Next major step; |m| ≤ i, so at most one carry either way. (The compiler still
            // branches on it; a bit-mask form that cannot branch cost 0.8 % more instructions,
            // and what it would save in mispredictions cannot be measured on this machine.)
            r &+= m
            let up = r >= i, down = r < 0
            r &+= up ? -i : (down ? i : 0)
            base &+= majorStep &+ (up ? minor : (down ? -minor : 0))
        }
    }
}
