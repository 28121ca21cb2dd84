import Foundation

/// The few complex-number operations ITM's ground-reflection terms need (the surface transfer
/// impedance Zg and the reflection coefficient of the line-of-sight two-ray sum).
struct ITMComplex: Sendable, Equatable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double) {
        self.re = re
        self.im = im
    }

    static func + (a: ITMComplex, b: ITMComplex) -> ITMComplex { ITMComplex(a.re + b.re, a.im + b.im) }
    static func - (a: ITMComplex, b: ITMComplex) -> ITMComplex { ITMComplex(a.re - b.re, a.im - b.im) }
    static func * (a: ITMComplex, b: ITMComplex) -> ITMComplex {
        ITMComplex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    static func * (a: ITMComplex, s: Double) -> ITMComplex { ITMComplex(a.re * s, a.im * s) }
    static func / (a: ITMComplex, b: ITMComplex) -> ITMComplex {
        let m = b.magnitudeSquared
        return ITMComplex((a.re * b.re + a.im * b.im) / m, (a.im * b.re - a.re * b.im) / m)
    }

    var magnitudeSquared: Double { re * re + im * im }
    var magnitude: Double { magnitudeSquared.squareRoot() }

    /// Principal square root (non-negative real part).
    var squareRoot: ITMComplex {
        let r = magnitude
        let x = ((r + re) / 2).squareRoot()
        let y = ((r - re) / 2).squareRoot()
        return ITMComplex(x, im < 0 ? -y : y)
    }
}
