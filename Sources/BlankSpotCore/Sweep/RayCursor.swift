/// One ray of a ``RayFan`` being walked over the grid, step by step: where its own terrain
/// sample lies and which cell it owns at each major step.
///
/// A ray owns at most one cell per major step: the owned |m| interval of
/// ``RayFan/ownedMinorRange(e:xMajor:step:)``, `(2a−1)i/2S ≤ |m| < (2a+1)i/2S` (S = s·Rc ray
/// units), is i/S ≤ 1 long and half open. So the cursor tracks one candidate, the lowest |m| of
/// that interval, `lo = ⌈(2a−1)i/2S⌉` (as a quotient and remainder), and the ray owns it when
/// `2S·lo < (2a+1)·i` and it is inside the octant. The ray's own sample at step i lies at minor
/// position `a·i/S`, held as a cell index plus `rem/S`. Only additions, comparisons and two
/// multiplications per step, no division, so every ray is walked exactly the same way on any
/// thread.
///
/// Indices are row-major grid indices, valid for the terrain and for any result grid of the
/// same geometry. Arithmetic wraps (`&+`): every value stays far below Int's range, and the
/// overflow checks would cost as much as the work. Carries are taken without branches: their
/// pattern is irregular, so a branch on them would often be mispredicted.
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
    private(set) var candidate: Int
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
    private let loStep: Int, hiStep: Int, limitShift: Int
    private var loR: Int
    private var sampleBase: Int, rem = 0
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
        loStep = a == 0 ? 0 : 2 * a - 1
        hiStep = 2 * a + 1
        loR = twoSpan - 1
        limitShift = ray.xMajor ? 0 : 1
        originBase = p0 * pStride + q0 * qUnit
        majorStep = ray.sign * pStride
        candidate = originBase
        sampleBase = originBase
    }

    /// Moves to the next major step; true when the ray owns the candidate cell there (x-major
    /// rays own |m| ≤ i, y-major rays |m| < i). The candidate is always inside the grid.
    @inline(__always)
    mutating func advance() -> Bool {
        step &+= 1
        candidate &+= majorStep
        sampleBase &+= majorStep
        // lo = ⌈(2a−1)i/2S⌉ = ⌊((2a−1)i + 2S − 1)/2S⌋: loStep < 2S, so at most one carry.
        loR &+= loStep
        let carry = loR >= twoSpan ? 1 : 0
        loR &-= carry &* twoSpan
        candidateMinor &+= carry
        candidate &+= carry &* qStride
        return twoSpan &* candidateMinor < hiStep &* step && candidateMinor <= step &- limitShift
    }

    /// The ray's own terrain sample at the current step: linear between the two cell centres
    /// either side of the ray's exact minor position (the one at or before it when the ray
    /// passes through a centre; nan where either needed cell has no data). Call once per step,
    /// after ``advance()``.
    @inline(__always)
    mutating func sampleHeightM(_ heights: UnsafeBufferPointer<Float>) -> Double {
        rem &+= a
        let carry = rem >= span ? 1 : 0
        rem &-= carry &* span
        sampleBase &+= carry &* qStride
        // On a centre (rem = 0) the "next" cell is the same one, so the same expression gives
        // exactly h0 without a branch (and never reads past the grid's edge).
        let next = rem == 0 ? sampleBase : sampleBase &+ qStride
        let h0 = Double(heights[sampleBase])
        return h0 + (Double(heights[next]) - h0) * (Double(rem) * inverseSpan)
    }

    /// Hands the ray's own sample at the current step to `model` (``sampleHeightM(_:)``, at
    /// `i`·stepM; `inverseSteps[i]` = 1/i). Call once per step, after the step's cell.
    @inline(__always)
    mutating func feedSample<M: RayProfileModel>(to model: inout M, heights: UnsafeBufferPointer<Float>,
                                                 inverseSteps: UnsafeBufferPointer<Double>) {
        let h = sampleHeightM(heights)
        model.addSample(heightM: h, distanceM: Double(step) * stepM, inverseDistance: inverseStepM * inverseSteps[step])
    }

    /// Column and row of the candidate cell.
    @inline(__always)
    func candidateCell() -> (col: Int, row: Int) {
        let m = candidateMinor &* minorSign
        let p = p0 &+ majorSign &* step
        return xMajor ? (p, q0 &+ m) : (q0 &+ m, p)
    }
}
