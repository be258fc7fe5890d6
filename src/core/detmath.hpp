// Deterministic elementary functions for the model (MODEL.md: the same numbers natively and in
// WebAssembly). Only + - * / and sqrt are used (IEEE-754 correctly rounded on every target), with
// range reduction and fixed polynomials evaluated in a fixed order; build with -ffp-contract=off so
// no compiler fuses a multiply-add. Relative error is about 1e-16 (a few ulp), tested against libm.
#pragma once

namespace fiducia::dm {

double exp(double x);             // e^x; 0 below -745.2, +inf above 709.78
double log(double x);             // natural log; -inf at 0, NaN below 0
double pow(double x, double y);   // x^y for x >= 0 (0^y = 0 for y > 0, x^0 = 1)
double cbrt(double x);            // cube root, any sign

}  // namespace fiducia::dm
