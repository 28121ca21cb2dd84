/// Ray fans nested by halving, so that near the tower fewer rays do the walking.
///
/// A plain ``RayFan`` sends one ray to every perimeter cell, and every ray walks all the way
/// out: near the tower the rays are far closer together than a cell, so a disc of πRc² cells
/// costs 8·Rc² ray steps (about 2.5 per cell). Here level k is the fan of S_k = S/2^k rays per
/// octant half-side (S = S_0 a multiple of 2^K), whose rays are every 2^k-th ray of level 0.
/// Level k walks only **band k**, the major steps (B_{k+1}, B_k] with B_k = ⌈Rc/2^k⌉ (band K:
/// steps 1…B_K): there its rays are at most B_k/S_k ≈ Rc/S cell apart, as close as level 0's at
/// the perimeter. Every cell of a band is owned by exactly one ray of that band's level (the
/// ``RayFan`` rule with S_k), so the bands together own every cell of the disc once, and a
/// disc costs about two thirds of the plain fan's steps (about 1.33 per octant cell instead of 2).
///
/// A ray of level k that is also in level k+1 (even e) simply walks on. A new ray (odd e) starts
/// at band k's first step, halfway between its two **parents** of level k+1, and takes over
/// what they found on their way in (line of sight: the mean of their two horizons, see
/// ``NestedLineOfSightPlan``); its own path so far lay between theirs, at most about half a
/// cell from either.
///
/// The price is accuracy near the tower: a plain fan's rays are far denser than a cell there,
/// so it evaluates inner cells almost on their own centre line, while here every cell is up to
/// half a cell off its ray, as at the perimeter. Radio models, whose rays carry a whole
/// profile that a new ray cannot take over, keep the plain fan.
public struct NestedRayFan: Sendable, Equatable {
    /// `fans[k]` is level k: `fans[0]` the finest (all rays), `fans[levels − 1]` the coarsest.
    public let fans: [RayFan]
    /// `bandEnds[k]` = B_k, the last major step of band k.
    public let bandEnds: [Int]

    /// The deepest nesting used: three halvings already save all but 1/64 of what unlimited
    /// nesting would (the saved share is Σ 2^-(k+1)·(1 − 2^-(k+1)) → 2/3).
    public static let maximumHalvings = 3
    /// Band K must span at least this many steps (so small discs are not nested at all).
    public static let minimumInnerBand = 8

    /// `subdivision`: rays per perimeter cell at level 0, as for ``RayFan``; `halvings`: the
    /// number of coarser levels wanted (fewer are used when the disc is small).
    public init(radiusCells: Int, subdivision: Int = 1, halvings: Int = NestedRayFan.maximumHalvings) {
        precondition(radiusCells >= 1 && subdivision >= 1 && halvings >= 0)
        var k = 0
        while k < halvings, (radiusCells + (1 << (k + 1)) - 1) >> (k + 1) >= Self.minimumInnerBand { k += 1 }
        // S rounded up to a multiple of 2^k: at most 2^k − 1 rays per octant more than s·Rc.
        let unit = 1 << k
        let span = (radiusCells * subdivision + unit - 1) / unit * unit
        fans = (0...k).map { RayFan(radiusCells: radiusCells, spanUnits: span >> $0) }
        bandEnds = (0...k).map { (radiusCells + (1 << $0) - 1) >> $0 }
    }

    public var levels: Int { fans.count }

    /// The first major step of band `level`.
    public func bandStart(_ level: Int) -> Int { level == levels - 1 ? 1 : bandEnds[level + 1] + 1 }

    /// Where a ray of `level` (< levels − 1) comes from in level + 1: the same ray when it is
    /// there too (`second` nil), else the two rays either side of it.
    public func parents(of ray: RayFan.Ray, level: Int) -> (first: RayFan.Ray, second: RayFan.Ray?) {
        let coarse = fans[level + 1]
        if ray.e % 2 == 0 {
            return (RayFan.Ray(xMajor: ray.xMajor, sign: ray.sign, e: ray.e / 2), nil)
        }
        return (coarse.canonical(RayFan.Ray(xMajor: ray.xMajor, sign: ray.sign, e: (ray.e - 1) / 2)),
                coarse.canonical(RayFan.Ray(xMajor: ray.xMajor, sign: ray.sign, e: (ray.e + 1) / 2)))
    }
}
