extension P1812RayModel {
    /// The near points of one receiver in the forms the queries need — distance (km), raw and
    /// flattened heights, and the reciprocals of the distances to both terminals (the sweep's,
    /// from its 1/j table; points without data are dropped) — with every maximum over them
    /// that the receiver's queries take and the sums for the smooth-earth fit. Lives in the
    /// sweep's scratch space.
    ///
    /// Two passes: the first walks the exact line (integer remainders, one point after the
    /// other) and keeps the points and the fit's sums; the second takes the maxima four points
    /// at a time (AVX on the build machines). Each lane computes exactly the expression a
    /// scalar loop would, and a maximum does not depend on the order it is taken in, so the
    /// values are those of one scalar pass; where a query needs the first point that attains
    /// a maximum it is found when asked (``firstMaxFlatSlopeKm()``, ``firstRxTangentKm()``).
    struct NearPoints {
        let count: Int
        let dKm, h, z, inverseD, inverseU: UnsafeMutablePointer<Double>
        /// The steepest flattened slope (z − hts)/d from the transmitter among the points, m/km
        /// (−∞ without points).
        let maxFlatSlope: Double
        /// The steepest flattened slope (z − zrx)/(D − d) seen from the receiver (−∞ without
        /// points).
        let rxTangentSlope: Double
        /// Over the raw heights: max(h − s·d) for the slope s of the line between the antennas
        /// (the obstruction, eq. 87), and the steepest slopes from the receiver and from the
        /// transmitter (eq. 88's αobr, αobt before s is taken off); −∞ without points.
        let rawTopM: Double
        let rawRxSlope: Double
        let rawTxSlope: Double
        /// Whether no point was dropped, so that the points are the sweep's even run and the
        /// smooth-earth fit may take them as one (``SmoothEarthFit/appendEvenRun``).
        let isEvenRun: Bool
        let firstIndex: Int
        let spacingKm: Double
        let heightSumM: Double
        let indexWeightedHeightSumM: Double
        /// What the slopes were taken against: the transmitter's altitude and the receiver's
        /// flattened height (m).
        private let txAltitudeM: Double
        private let rxFlattenedM: Double

        /// `k`: 500/ae; `hts`, `hrs`: the antennas' altitudes, m; `d`: the path, km.
        /// Kept out of line: inlined into the sweep's loop its registers ran out and the loop
        /// spilled a third of its values.
        @inline(never)
        init(_ near: NearProfile, curvaturePerKm k: Double, txAltitudeM hts: Double, rxAltitudeM hrs: Double, pathKm d: Double) {
            let n = max(1, near.count), scratch = near.scratch
            let dKm = scratch, h = scratch + n, z = scratch + 2 * n, inverseD = scratch + 3 * n, inverseU = scratch + 4 * n
            (self.dKm, self.h, self.z, self.inverseD, self.inverseU) = (dKm, h, z, inverseD, inverseU)
            let zrx = hrs - k * d * d
            let s = (hrs - hts) / d
            txAltitudeM = hts
            rxFlattenedM = zrx

            // Pass 1: the points, and the fit's sums (used only when no point is missing).
            var sum = 0.0, weightedSum = 0.0, a = Double(near.firstIndex)
            near.forEachPoint { j, distanceM, hj, inverseDj, inverseUj in
                dKm[j] = distanceM * 0.001   // a multiplication: no division in this loop
                h[j] = hj
                inverseD[j] = inverseDj
                inverseU[j] = inverseUj
                sum += hj
                weightedSum += a * hj
                a += 1
            }
            // A point without data makes the sum nan (heights are finite otherwise).
            let missing = sum.isNaN
            var m = near.count
            if missing {
                // Drop the points without data (rare: the DEM's holes), keeping the order.
                m = 0
                for j in 0..<near.count where !h[j].isNaN {
                    (dKm[m], h[m], inverseD[m], inverseU[m]) = (dKm[j], h[j], inverseD[j], inverseU[j])
                    m += 1
                }
            }
            count = m

            // Pass 2: flattened heights and the maxima, four lanes at a time, then the rest.
            typealias Lanes = SIMD4<Double>
            let load = Lanes.load
            var maxSlope = Lanes(repeating: -.infinity), tangent = maxSlope, top = maxSlope, rxSlope = maxSlope, txSlope = maxSlope
            var j = 0
            while j + 4 <= m {
                let hv = load(h, j), dv = load(dKm, j), iD = load(inverseD, j), iU = load(inverseU, j)
                let zv = hv - k * dv * dv
                UnsafeMutableRawPointer(z + j).storeBytes(of: zv, as: Lanes.self)
                let slope = (zv - hts) * iD, fromRx = (zv - zrx) * iU
                let above = hv - s * dv, rx = (hv - hrs) * iU, tx = (hv - hts) * iD
                maxSlope.replace(with: slope, where: slope .> maxSlope)
                tangent.replace(with: fromRx, where: fromRx .> tangent)
                top.replace(with: above, where: above .> top)
                rxSlope.replace(with: rx, where: rx .> rxSlope)
                txSlope.replace(with: tx, where: tx .> txSlope)
                j += 4
            }
            var maxSlopeS = maxSlope.largest, tangentS = tangent.largest, topS = top.largest
            var rxSlopeS = rxSlope.largest, txSlopeS = txSlope.largest
            while j < m {
                let hj = h[j], dj = dKm[j], zj = hj - k * dj * dj
                z[j] = zj
                maxSlopeS = max(maxSlopeS, (zj - hts) * inverseD[j])
                tangentS = max(tangentS, (zj - zrx) * inverseU[j])
                topS = max(topS, hj - s * dj)
                rxSlopeS = max(rxSlopeS, (hj - hrs) * inverseU[j])
                txSlopeS = max(txSlopeS, (hj - hts) * inverseD[j])
                j += 1
            }
            maxFlatSlope = maxSlopeS
            rxTangentSlope = tangentS
            rawTopM = topS
            rawRxSlope = rxSlopeS
            rawTxSlope = txSlopeS
            isEvenRun = !missing
            firstIndex = near.firstIndex
            spacingKm = near.spacingM * 0.001
            heightSumM = sum
            indexWeightedHeightSumM = weightedSum
        }

        /// Distance (km) of the first point whose flattened slope from the transmitter is
        /// ``maxFlatSlope`` (0 without points).
        func firstMaxFlatSlopeKm() -> Double {
            for j in 0..<count where (z[j] - txAltitudeM) * inverseD[j] == maxFlatSlope { return dKm[j] }
            return 0
        }

        /// Distance (km) of the first point whose flattened slope seen from the receiver is
        /// ``rxTangentSlope`` (0 without points).
        func firstRxTangentKm() -> Double {
            for j in 0..<count where (z[j] - rxFlattenedM) * inverseU[j] == rxTangentSlope { return dKm[j] }
            return 0
        }

        /// Adds the points to a smooth-earth fit, as one even run when they are one.
        @inline(__always)
        func append(to fit: inout SmoothEarthFit) {
            guard count > 0 else { return }
            if isEvenRun {
                fit.appendEvenRun(count: count, firstIndex: firstIndex, spacingKm: spacingKm, firstHeightM: h[0], lastHeightM: h[count - 1],
                                  heightSumM: heightSumM, indexWeightedHeightSumM: indexWeightedHeightSumM)
            } else {
                for j in 0..<count { fit.append(distanceKm: dKm[j], heightM: h[j]) }
            }
        }
    }
}
