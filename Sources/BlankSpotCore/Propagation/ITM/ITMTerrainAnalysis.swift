import Foundation

/// ITM's reading of a terrain profile (Hufford 1995, ITM v1.2.2 §5: subprograms hzns, zlsq1,
/// dlthx and qlrpfl): horizons, a least-squares line, the terrain irregularity Δh and the
/// effective antenna heights. The profile is `z[0…np]`, `np` intervals of `spacingM`, the
/// transmitter at z[0]. Nothing here allocates on the heap, so the coverage sweep can call it
/// per cell.
enum ITMTerrainAnalysis {
    /// The ends of a path ITM needs: the earth-curvature horizons seen from each antenna.
    struct Horizons {
        /// Horizon elevation angles θe, radians, transmitter then receiver.
        var anglesRad: SIMD2<Double>
        /// Horizon distances dL, metres.
        var distancesM: SIMD2<Double>
    }

    /// Horizons over a γe-curved earth (subprogram hzns). Starts from the smooth-earth line of
    /// sight between the antennas; a profile point above that line becomes the transmitter's
    /// horizon; the receiver's horizon is searched only once the transmitter has one (so a
    /// line-of-sight path keeps both horizon distances at the path length).
    static func horizons(z: UnsafeBufferPointer<Double>, spacingM xi: Double, antennaHeightsM hg: SIMD2<Double>,
                         curvaturePerM gme: Double) -> Horizons {
        let np = z.count - 1
        let dist = Double(np) * xi
        let za = z[0] + hg[0], zb = z[np] + hg[1]
        let qc = 0.5 * gme
        let slope = (zb - za) / dist
        var the0 = slope - qc * dist
        var the1 = -slope - qc * dist
        var dl0 = dist, dl1 = dist
        if np >= 2 {
            var txHasHorizon = false
            for i in 1..<np {
                let sa = Double(i) * xi, sb = dist - sa
                let aboveTx = z[i] - (qc * sa + the0) * sa - za
                if aboveTx > 0 {
                    the0 += aboveTx / sa
                    dl0 = sa
                    txHasHorizon = true
                }
                if txHasHorizon {
                    let aboveRx = z[i] - (qc * sb + the1) * sb - zb
                    if aboveRx > 0 {
                        the1 += aboveRx / sb
                        dl1 = sb
                    }
                }
            }
        }
        return Horizons(anglesRad: SIMD2(the0, the1), distancesM: SIMD2(dl0, dl1))
    }

    /// The least-squares straight line through the profile between `x1` and `x2` metres
    /// (subprogram zlsq1): the points are weighted as in the trapezoidal rule (half weight at
    /// the ends of the range, which is widened to whole intervals). Returns the line's heights
    /// at the two ends of the whole profile.
    static func fitLine(z: UnsafeBufferPointer<Double>, spacingM xi: Double, fromM x1: Double, toM x2: Double)
        -> (startM: Double, endM: Double) {
        let xn = Double(z.count - 1)
        var xa = Double(Int(max(x1 / xi, 0)))
        var xb = xn - Double(Int(max(xn - x2 / xi, 0)))
        if xb <= xa {
            xa = max(xa - 1, 0)
            xb = xn - max(xn - (xb + 1), 0)
        }
        var j = Int(xa)
        let jb = Int(xb)
        let n = jb - j
        let span = xb - xa
        var x = -0.5 * span
        let centre = xb + x
        var a = 0.5 * (z[j] + z[jb])
        var b = 0.5 * (z[j] - z[jb]) * x
        if n >= 2 {
            for _ in 2...n {
                j += 1
                x += 1
                a += z[j]
                b += z[j] * x
            }
        }
        a /= span
        b = b * 12 / ((span * span + 2) * span)
        return (a - b * centre, a + b * (xn - centre))
    }

    /// Terrain irregularity Δh between `x1` and `x2` metres (subprogram dlthx): the profile is
    /// resampled at n = 10k − 5 equally spaced points (k = (range/spacing + 8)/10 clamped to
    /// 4…25), a least-squares line is removed, and Δh is the interdecile range of what is left
    /// (the k-th highest minus the k-th lowest), scaled up by 1/(1 − 0.8·exp(−(x2 − x1)/50 km))
    /// to the asymptotic value of an infinitely long path.
    static func terrainIrregularityM(z: UnsafeBufferPointer<Double>, spacingM xi: Double, fromM x1: Double, toM x2: Double) -> Double {
        let np = z.count - 1
        var xa = x1 / xi
        let xbIndex = x2 / xi
        if xbIndex - xa < 2 { return 0 }
        let ka = min(max(4, Int(0.1 * (xbIndex - xa + 8))), 25)
        let n = 10 * ka - 5
        let intervals = Double(n - 1)
        let step = (xbIndex - xa) / intervals
        var k = Int(xa + 1)
        xa -= Double(k)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { s -> Double in
            // Linear interpolation at xa, xa + step, …: k is the first index at or past the point.
            for j in 0..<n {
                while xa > 0 && k < np {
                    xa -= 1
                    k += 1
                }
                s[j] = z[k] + (z[k] - z[k - 1]) * xa
                xa += step
            }
            let line = fitLine(z: UnsafeBufferPointer(s), spacingM: 1, fromM: 0, toM: intervals)
            let lineSlope = (line.endM - line.startM) / intervals
            var level = line.startM
            for j in 0..<n {
                s[j] -= level
                level += lineSlope
            }
            let high = select(s, ascendingRank: n - ka)
            let low = select(s, ascendingRank: ka - 1)
            return (high - low) / (1 - 0.8 * exp(-(x2 - x1) / 50e3))
        }
    }

    /// The value that would be at position `rank` if `values` were sorted ascending
    /// (Hoare's selection; reorders `values`).
    static func select(_ values: UnsafeMutableBufferPointer<Double>, ascendingRank rank: Int) -> Double {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let pivot = values[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { break }
        }
        return values[rank]
    }

    /// The mean height of the profile's middle part that sets the surface refractivity
    /// (ITM's point-to-point driver): indices from ⌊3 + 0.1·np⌋ − 2 to np − ⌊3 + 0.1·np⌋ + 3,
    /// roughly the middle 80 %.
    static func systemElevationM(z: UnsafeBufferPointer<Double>) -> Double {
        let np = z.count - 1
        let ja = Int(3.0 + 0.1 * Double(np))
        let jb = np - ja + 6
        var sum = 0.0
        for i in (ja - 1)..<jb { sum += z[i - 2] }
        return sum / Double(jb - ja + 1)
    }
}

/// The path as ITM's propagation core sees it (the prop_type record of ITM v1.2.2).
struct ITMPathGeometry: Sendable {
    var distanceM: Double
    /// Structural antenna heights above ground, m.
    var antennaHeightsM: SIMD2<Double>
    /// Effective antenna heights he, m.
    var effectiveHeightsM: SIMD2<Double>
    /// Horizon distances dL, m, and elevation angles θe, rad.
    var horizonDistancesM: SIMD2<Double>
    var horizonAnglesRad: SIMD2<Double>
    /// Terrain irregularity Δh, m.
    var deltaHM: Double
    /// Point-to-point (true) or area mode (false); changes one constant in the diffraction.
    var isPointToPoint: Bool

    /// Point-to-point geometry from a profile (subprogram qlrpfl, Hufford 1995 §5).
    ///
    /// Δh is measured between points min(15·hg, 0.1·dL) in from each end. On line-of-sight
    /// paths (dL,tx + dL,rx > 1.5·d) the effective heights are taken above the least-squares
    /// line over that range and the horizons are the smooth-earth ones for a terrain of that Δh
    /// (eqs. 3.4–3.7 of the area mode), the heights scaled up when those horizons would not
    /// reach each other; beyond the horizon the heights are taken above lines fitted on each
    /// terminal's side (up to 0.9 of its horizon distance) and the profile horizons are kept.
    init(profile z: UnsafeBufferPointer<Double>, spacingM xi: Double, antennaHeightsM hg: SIMD2<Double>, curvaturePerM gme: Double) {
        let np = z.count - 1
        let dist = Double(np) * xi
        let h = ITMTerrainAnalysis.horizons(z: z, spacingM: xi, antennaHeightsM: hg, curvaturePerM: gme)
        var dl = h.distancesM
        var the = h.anglesRad
        let x1 = min(15 * hg[0], 0.1 * dl[0])
        let x2 = dist - min(15 * hg[1], 0.1 * dl[1])
        let dh = ITMTerrainAnalysis.terrainIrregularityM(z: z, spacingM: xi, fromM: x1, toM: x2)
        var he = SIMD2<Double>()
        if dl[0] + dl[1] > 1.5 * dist {
            let line = ITMTerrainAnalysis.fitLine(z: z, spacingM: xi, fromM: x1, toM: x2)
            he[0] = hg[0] + max(z[0] - line.startM, 0)
            he[1] = hg[1] + max(z[np] - line.endM, 0)
            func smoothHorizon(_ j: Int) -> Double {
                (2 * he[j] / gme).squareRoot() * exp(-0.07 * (dh / max(he[j], 5)).squareRoot())
            }
            dl = SIMD2(smoothHorizon(0), smoothHorizon(1))
            let sum = dl[0] + dl[1]
            if sum <= dist {
                let scale = (dist / sum) * (dist / sum)
                he *= scale
                dl = SIMD2(smoothHorizon(0), smoothHorizon(1))
            }
            for j in 0..<2 {
                let q = (2 * he[j] / gme).squareRoot()
                the[j] = (0.65 * dh * (q / dl[j] - 1) - 2 * he[j]) / q
            }
        } else {
            let txSide = ITMTerrainAnalysis.fitLine(z: z, spacingM: xi, fromM: x1, toM: 0.9 * dl[0])
            let rxSide = ITMTerrainAnalysis.fitLine(z: z, spacingM: xi, fromM: dist - 0.9 * dl[1], toM: x2)
            he[0] = hg[0] + max(z[0] - txSide.startM, 0)
            he[1] = hg[1] + max(z[np] - rxSide.endM, 0)
        }
        distanceM = dist
        antennaHeightsM = hg
        effectiveHeightsM = he
        horizonDistancesM = dl
        horizonAnglesRad = the
        deltaHM = dh
        isPointToPoint = true
    }

    /// Area-mode geometry (subprogram qlra, Hufford 1995 §3, eqs. 3.1–3.7): effective heights
    /// from the siting criteria, horizons of a smooth earth with irregularity Δh.
    init(distanceM: Double, antennaHeightsM hg: SIMD2<Double>, siting: (ITMSiting, ITMSiting), deltaHM dh: Double,
         curvaturePerM gme: Double) {
        var he = SIMD2<Double>(), dl = SIMD2<Double>(), the = SIMD2<Double>()
        for j in 0..<2 {
            let criterion = j == 0 ? siting.0 : siting.1
            if criterion == .random {
                he[j] = hg[j]
            } else {
                var q = criterion == .careful ? 4.0 : 9.0
                if hg[j] < 5 { q *= sin(0.3141593 * hg[j]) }
                he[j] = hg[j] + (1 + q) * exp(-min(20, 2 * hg[j] / max(1e-3, dh)))
            }
            let q = (2 * he[j] / gme).squareRoot()
            dl[j] = q * exp(-0.07 * (dh / max(he[j], 5)).squareRoot())
            the[j] = (0.65 * dh * (q / dl[j] - 1) - 2 * he[j]) / q
        }
        self.distanceM = distanceM
        antennaHeightsM = hg
        effectiveHeightsM = he
        horizonDistancesM = dl
        horizonAnglesRad = the
        deltaHM = dh
        isPointToPoint = false
    }
}
