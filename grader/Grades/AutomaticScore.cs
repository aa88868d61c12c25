using Course.Grader.Grading;

namespace Course.Grader.Grades;

/// <summary>A student's automatic score on one assignment: the fraction after late days and penalty, and what lateness cost.</summary>
public sealed record AutomaticScore(double Fraction, LateDayCharge Charge);
