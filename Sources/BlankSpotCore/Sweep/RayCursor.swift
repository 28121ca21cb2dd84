/// One ray of a ``RayFan`` being walked over the grid, step by step: where its own terrain
/// sample lies and which cell it owns at each major step.
///
/// The ray's sample at step i lies at minor position `x = a·i/S` (S = the fan's span units),
/// held as a cell index `⌊x⌋` plus a remainder `rem/S`. The owned |m| interval of
/// ``RayFan/ownedMinorRange(e:xMajor:step:)``, `(2a−1)i/2S ≤ |m| < (2a+1)i/2S`, is the window
/// `[x − w, x + w)` with `w = i/2S ≤ ½`, so it holds at most one cell, the one nearest the
/// sample: `⌊x⌋` when `2·rem ≤ i`, else `⌊x⌋ + 1` when `2(S − rem) < i` (substitute
/// `a·i = ⌊x⌋·S + rem` into the bounds); that cell always lies in the ray's octant. So one
/// remainder serves both the sample and the ownership; no division per step, and every
/// ray is walked exactly the same way on any thread.
///
/// Indices are row-major grid indices, valid for the terrain and for any result grid of the
/// same geometry. Arithmetic wraps (`&+`): every value stays far below Int's range, and the
/// overflow checks would cost as much as the work. Carries and the choice of candidate are
/// taken without branches: their pattern is irregular, so a branch on them would often be
/// mispredicted.
struct RayCursor {
    /// The major step the cursor is at (0 before the first ``advance()``).
    private(set) var step = 0
    /// The last step to walk: inside the disc (owned cells are within half a cell of the ray),
    /// inside the grid along the major axis, and with both minor neighbours of every sample
    /// inside it. Below 1: nothing to walk.
    let lastStep: Int
    /// Distance between consecutive samples along the ray, in cells (√(1 + (a/S)²)), in
    /// metres, and its reciprocal.
    let stepFactor: Double
    let stepM: Double
    private let inverseStepM: Double
    /// Grid index of the candidate cell at the current step.
    private(set) var candidate = 0
    /// The candidate's |m| (its minor offset, in the ray's minor direction).
    private(set) var candidateMinor = 0
    /// The sign of the ray's minor offsets (+1 or −1).
    let minorSign: Int
    /// Grid index offset of one major step, and of one minor unit towards +m (not signed by
    /// the ray); the tower's cell.
    let majorStep: Int
    let qUnit: Int
    let originBase: Int
    private let qStride: Int
    private let a: Int, span: Int, twoSpan: Int, inverseSpan: Double
    /// The sample's cell (⌊x⌋ as a grid index and as |m|) and remainder (x − ⌊x⌋ = rem/S).
    private var sampleBase: Int, sampleMinor = 0, rem = 0
    private let p0: Int, q0: Int, majorSign: Int, xMajor: Bool

    init(ray: RayFan.Ray, fan: RayFan, grid: GridGeometry, site: GridSite, discCells: Double) {
        span = fan.spanUnits
        twoSpan = 2 * span
        inverseSpan = 1 / Double(span)
        a = abs(ray.e)
        minorSign = ray.e < 0 ? -1 : 1
        xMajor = ray.xMajor
        majorSign = ray.sign
        let slope = Double(a) / Double(span)
        stepFactor = (1 + slope * slope).squareRoot()
        stepM = grid.cellSizeM * stepFactor
        inverseStepM = 1 / stepM
        p0 = ray.xMajor ? site.col : site.row
        q0 = ray.xMajor ? site.row : site.col
        let pLimit = ray.xMajor ? grid.width : grid.height
        let qLimit = ray.xMajor ? grid.height : grid.width
        let pStride = ray.xMajor ? 1 : grid.width
        qUnit = ray.xMajor ? grid.width : 1
        qStride = qUnit * minorSign
        var last = min(fan.radiusCells, Int(((discCells + 0.5) / stepFactor).rounded(.down)))
        last = min(last, ray.sign > 0 ? pLimit - 1 - p0 : p0)
        if a > 0 {
            let room = minorSign > 0 ? qLimit - 1 - q0 : q0
            last = min(last, room < 1 ? 0 : ((room - 1) * span) / a)
        }
        lastStep = last
        originBase = p0 * pStride + q0 * qUnit
        majorStep = ray.sign * pStride
        sampleBase = originBase
    }

    /// Moves to the next major step; true when the ray owns the candidate cell there. The
    /// candidate is always inside the grid.
    @inline(__always)
    mutating func advance() -> Bool {
        step &+= 1
        sampleBase &+= majorStep
        // x grows by a/S < 1 cell (a ≤ S; a = S only on the diagonal, where rem stays 0).
        rem &+= a
        let carry = rem >= span ? 1 : 0
        rem &-= carry &* span
        sampleMinor &+= carry
        sampleBase &+= carry &* qStride
        // The cell nearest the sample: ⌊x⌋ when 2·rem ≤ i, else ⌊x⌋ + 1.
        let twoRem = rem &* 2
        let up = twoRem > step ? 1 : 0
        candidateMinor = sampleMinor &+ up
        candidate = sampleBase &+ up &* qStride
        // No octant test is needed: an owned cell is within i/2S < 1 of x ≤ a·i/S, so x-major
        // rays (a ≤ S) own |m| ≤ i and y-major rays (a ≤ S − 1) |m| < i by themselves.
        return (twoRem <= step) || (twoSpan &- twoRem < step)
    }

    /// The ray's own terrain sample at the current step: linear between the two cell centres
    /// either side of the ray's exact minor position (the one at or before it when the ray
    /// passes through a centre; nan where either needed cell has no data). Call after
    /// ``advance()``.
    @inline(__always)
    func sampleHeightM(_ heights: UnsafeBufferPointer<Float>) -> Double {
        // On a centre (rem = 0) the "next" cell is the same one, so the same expression gives
        // exactly h0 without a branch (and never reads past the grid's edge).
        let next = rem == 0 ? sampleBase : sampleBase &+ qStride
        let h0 = Double(heights[sampleBase])
        return h0 + (Double(heights[next]) - h0) * (Double(rem) * inverseSpan)
    }

    /// The cell nearest the ray's own sample at the current step (⌊x⌋ when 2·rem ≤ S, else the
    /// next one; ties go to ⌊x⌋). Call after ``advance()``.
    @inline(__always)
    var sampleCell: Int { rem &* 2 <= span ? sampleBase : sampleBase &+ qStride }

    /// Hands the ray's own sample at the current step to `model` (``sampleHeightM(_:)``, at
    /// `i`·stepM; `inverseSteps[i]` = 1/i). Call once per step, after the step's cell.
    @inline(__always)
    func feedSample<M: RayProfileModel>(to model: inout M, heights: UnsafeBufferPointer<Float>,
                                        inverseSteps: UnsafeBufferPointer<Double>) {
        let h = sampleHeightM(heights)
        model.addSample(heightM: h, distanceM: Double(step) * stepM, inverseDistance: inverseStepM * inverseSteps[step])
    }

    /// ``feedSample(to:heights:inverseSteps:)`` with the clutter surface sampled the same way.
    @inline(__always)
    func feedSample<M: RayProfileModel>(to model: inout M, heights: UnsafeBufferPointer<Float>, surface: UnsafeBufferPointer<Float>,
                                        inverseSteps: UnsafeBufferPointer<Double>) {
        model.addSample(heightM: sampleHeightM(heights), surfaceM: sampleHeightM(surface), distanceM: Double(step) * stepM,
                        inverseDistance: inverseStepM * inverseSteps[step])
    }

    /// Column and row of the candidate cell.
    @inline(__always)
    func candidateCell() -> (col: Int, row: Int) {
        let m = candidateMinor &* minorSign
        let p = p0 &+ majorSign &* step
        return xMajor ? (p, q0 &+ m) : (q0 &+ m, p)
    }
}
