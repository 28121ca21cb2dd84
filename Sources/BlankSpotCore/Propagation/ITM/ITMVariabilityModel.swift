import Foundation

/// ITM's variability (Hufford 1995, ITM v1.2.2 §6, subprogram avar): the attenuation not
/// exceeded for given fractions of time, locations and situations.
///
/// From the "effective distance" de (eq. 6.1) the climate's curves (``ITMClimateCurves``) give
/// the median adjustment Vmed and the time-variability deviations σT− (below the median) and
/// σT+ (above); terrain roughness gives the location deviation σL (eq. 6.10) and de the
/// situation variance σS² (eq. 6.11). The variability mode (single message, accidental, mobile,
/// broadcast) decides which of the standard normal deviates zT, zL, zS are tied together
/// (eqs. 6.12–6.16). Small or negative results are softened by A·(29 − A)/(29 − 10A).
enum ITMVariabilityModel {
    struct Result {
        var lossAboveFreeSpaceDB: Double
        var warning: Int
    }

    /// - Parameters:
    ///   - zT, zL, zS: standard normal deviates of the time, location and situation fractions
    ///     (``InverseNormal/complementary(_:)`` of the fraction).
    static func attenuationDB(referenceDB aref: Double, zT zzt: Double, zL zzl: Double, zS zzc: Double,
                              geometry g: ITMPathGeometry, environment e: ITMEnvironment, climate: Int, mdvar: Int) -> Result {
        var warning = 0
        var climateIndex = climate
        if climate < 1 || climate > 7 {
            climateIndex = 5
            warning = max(warning, 2)
        }
        let c = ITMClimateCurves.table[climateIndex - 1]
        var kdv = mdvar
        let situationEliminated = kdv >= 20
        if situationEliminated { kdv -= 20 }
        let locationEliminated = kdv >= 10
        if locationEliminated { kdv -= 10 }
        if kdv < 0 || kdv > 3 {
            kdv = 0
            warning = max(warning, 2)
        }
        let q = log(0.133 * e.waveNumber)
        let gm = c.fm1 + c.fm2 / ((c.fm3 * q) * (c.fm3 * q) + 1)
        let gp = c.fp1 + c.fp2 / ((c.fp3 * q) * (c.fp3 * q) + 1)
        let he = g.effectiveHeightsM, dist = g.distanceM
        // Effective distance (eq. 6.1).
        let dexa = (18e6 * he[0]).squareRoot() + (18e6 * he[1]).squareRoot() + cbrt(575.7e12 / e.waveNumber)
        let de = dist < dexa ? 130e3 * dist / dexa : 130e3 + dist - dexa
        let vmd = ITMClimateCurves.curve(c.v1, c.v2, c.xv1, c.xv2, c.xv3, de)
        let sgtm = ITMClimateCurves.curve(c.sm1, c.sm2, c.xsm1, c.xsm2, c.xsm3, de) * gm
        let sgtp = ITMClimateCurves.curve(c.sp1, c.sp2, c.xsp1, c.xsp2, c.xsp3, de) * gp
        let sgtd = sgtp * c.sd1
        let tgtd = (sgtp - sgtd) * c.zd
        let sgl: Double
        if locationEliminated {
            sgl = 0
        } else {
            let r = (1 - 0.8 * exp(-dist / 50e3)) * g.deltaHM * e.waveNumber
            sgl = 10 * r / (r + 13)
        }
        let vs0 = situationEliminated ? 0 : pow(5 + 3 * exp(-de / 100e3), 2)

        var zt = zzt, zl = zzl
        let zc = zzc
        switch kdv {
        case 0:
            zt = zc
            zl = zc
        case 1:
            zl = zc
        case 2:
            zl = zt
        default:
            break
        }
        if abs(zt) > 3.1 || abs(zl) > 3.1 || abs(zc) > 3.1 { warning = max(warning, 1) }
        let sgt: Double
        if zt < 0 {
            sgt = sgtm
        } else if zt <= c.zd {
            sgt = sgtp
        } else {
            sgt = sgtd + tgtd / zt
        }
        let rt = 7.8, rl = 24.0
        let vs = vs0 + (sgt * zt) * (sgt * zt) / (rt + zc * zc) + (sgl * zl) * (sgl * zl) / (rl + zc * zc)
        let yr: Double, sgc: Double
        switch kdv {
        case 0:
            yr = 0
            sgc = (sgt * sgt + sgl * sgl + vs).squareRoot()
        case 1:
            yr = sgt * zt
            sgc = (sgl * sgl + vs).squareRoot()
        case 2:
            yr = (sgt * sgt + sgl * sgl).squareRoot() * zt
            sgc = vs.squareRoot()
        default:
            yr = sgt * zt + sgl * zl
            sgc = vs.squareRoot()
        }
        var a = aref - vmd - yr - sgc * zc
        if a < 0 { a = a * (29 - a) / (29 - 10 * a) }
        return Result(lossAboveFreeSpaceDB: a, warning: warning)
    }
}

/// The climate-dependent curves of ITM's variability (Hufford 1995, §6, table of constants for
/// the seven radio climates): each quantity is curve(c1, c2, x1, x2, x3; de) =
/// (c1 + c2/(1 + ((de − x2)/x3)²))·(de/x1)²/(1 + (de/x1)²), distances in metres.
struct ITMClimateCurves {
    var v1, v2, xv1, xv2, xv3: Double
    var sm1, sm2, xsm1, xsm2, xsm3: Double
    var sp1, sp2, xsp1, xsp2, xsp3: Double
    var sd1, zd: Double
    var fm1, fm2, fm3: Double
    var fp1, fp2, fp3: Double

    static func curve(_ c1: Double, _ c2: Double, _ x1: Double, _ x2: Double, _ x3: Double, _ de: Double) -> Double {
        let r = (de - x2) / x3, s = (de / x1) * (de / x1)
        return (c1 + c2 / (1 + r * r)) * s / (1 + s)
    }

    /// Climates 1 equatorial, 2 continental subtropical, 3 maritime subtropical, 4 desert,
    /// 5 continental temperate, 6 maritime temperate over land, 7 maritime temperate over sea.
    static let table: [ITMClimateCurves] = (0..<7).map { i in
        let bv1 = [-9.67, -0.62, 1.26, -9.21, -0.62, -0.39, 3.15]
        let bv2 = [12.7, 9.19, 15.5, 9.05, 9.19, 2.86, 857.9]
        let xv1 = [144.9e3, 228.9e3, 262.6e3, 84.1e3, 228.9e3, 141.7e3, 2222.0e3]
        let xv2 = [190.3e3, 205.2e3, 185.2e3, 101.1e3, 205.2e3, 315.9e3, 164.8e3]
        let xv3 = [133.8e3, 143.6e3, 99.8e3, 98.6e3, 143.6e3, 167.4e3, 116.3e3]
        let bsm1 = [2.13, 2.66, 6.11, 1.98, 2.68, 6.86, 8.51]
        let bsm2 = [159.5, 7.67, 6.65, 13.11, 7.16, 10.38, 169.8]
        let xsm1 = [762.2e3, 100.4e3, 138.2e3, 139.1e3, 93.7e3, 187.8e3, 609.8e3]
        let xsm2 = [123.6e3, 172.5e3, 242.2e3, 132.7e3, 186.8e3, 169.6e3, 119.9e3]
        let xsm3 = [94.5e3, 136.4e3, 178.6e3, 193.5e3, 133.5e3, 108.9e3, 106.6e3]
        let bsp1 = [2.11, 6.87, 10.08, 3.68, 4.75, 8.58, 8.43]
        let bsp2 = [102.3, 15.53, 9.60, 159.3, 8.12, 13.97, 8.19]
        let xsp1 = [636.9e3, 138.7e3, 165.3e3, 464.4e3, 93.2e3, 216.0e3, 136.2e3]
        let xsp2 = [134.8e3, 143.7e3, 225.7e3, 93.1e3, 135.9e3, 152.0e3, 188.5e3]
        let xsp3 = [95.6e3, 98.6e3, 129.7e3, 94.2e3, 113.4e3, 122.7e3, 122.9e3]
        let bsd1 = [1.224, 0.801, 1.380, 1.000, 1.224, 1.518, 1.518]
        let bzd1 = [1.282, 2.161, 1.282, 20.0, 1.282, 1.282, 1.282]
        let bfm1 = [1.0, 1.0, 1.0, 1.0, 0.92, 1.0, 1.0]
        let bfm2 = [0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0]
        let bfm3 = [0.0, 0.0, 0.0, 0.0, 1.77, 0.0, 0.0]
        let bfp1 = [1.0, 0.93, 1.0, 0.93, 0.93, 1.0, 1.0]
        let bfp2 = [0.0, 0.31, 0.0, 0.19, 0.31, 0.0, 0.0]
        let bfp3 = [0.0, 2.00, 0.0, 1.79, 2.00, 0.0, 0.0]
        return ITMClimateCurves(
            v1: bv1[i], v2: bv2[i], xv1: xv1[i], xv2: xv2[i], xv3: xv3[i],
            sm1: bsm1[i], sm2: bsm2[i], xsm1: xsm1[i], xsm2: xsm2[i], xsm3: xsm3[i],
            sp1: bsp1[i], sp2: bsp2[i], xsp1: xsp1[i], xsp2: xsp2[i], xsp3: xsp3[i],
            sd1: bsd1[i], zd: bzd1[i], fm1: bfm1[i], fm2: bfm2[i], fm3: bfm3[i], fp1: bfp1[i], fp2: bfp2[i], fp3: bfp3[i])
    }
}
