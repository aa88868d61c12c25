# Regenerates the EF Core compiled models (one per module DbContext) that SQLite courses start with, instead of building
# each model from OnModelCreating in every new process. Run after changing a model (with its migration);
# CompiledModelsTests fails until the models are in step. The generated assembly attribute is removed: it would make
# EF Core use the model for PostgreSQL too, whose type mappings differ, so CourseDatabaseExtensions applies it for SQLite only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore > /dev/null
optimize() { # project context folder namespace
  rm -rf "$1/$3"
  dotnet ef dbcontext optimize --project "$1" --context "$2" --output-dir "$3" --namespace "$4" --configuration Release
  rm "$1/$3/${2}AssemblyAttributes.cs"
}
optimize grader GraderDbContext Submissions/CompiledModel Course.Grader.Submissions.CompiledModel
optimize grader WebDbContext Web/Data/CompiledModel Course.Grader.Web.Data.CompiledModel
optimize grader GradebookDbContext Grades/CompiledModel Course.Grader.Grades.CompiledModel
optimize credits CreditsDbContext Ledger/CompiledModel Course.Credits.Ledger.CompiledModel
optimize leaderboard LeaderboardDbContext Submissions/CompiledModel Course.Leaderboard.Submissions.CompiledModel
optimize assignments AssignmentsDbContext Roster/CompiledModel Course.Assignments.Roster.CompiledModel
