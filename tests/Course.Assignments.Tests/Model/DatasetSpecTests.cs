using Course.Assignments.Tests.Support;
using Course.Assignments.Validation;

namespace Course.Assignments.Tests.Model;

public sealed class DatasetSpecTests
{
    [Fact]
    public void Mounts_DemoCourse_NeverMountsTheTestLabels()
    {
        var course = CourseLoader.Load(RepositoryFiles.DemoCourse);

        var targets = course.Datasets.SelectMany(d => d.Mounts(p => p)).Select(m => m.Target).ToList();

        Assert.Contains("/data/fashion-mnist/t10k-images-idx3-ubyte.gz", targets);
        Assert.DoesNotContain(targets, t => t.Contains("t10k-labels", StringComparison.Ordinal));
        Assert.DoesNotContain("/data/fashion-mnist", targets);
    }

    [Fact]
    public void Mounts_NoFileList_MountsTheFolder()
    {
        var dataset = new Course.Assignments.Model.DatasetSpec("digits", "data/digits");

        var mount = Assert.Single(dataset.Mounts(p => "/srv/" + p));

        Assert.Equal(("/srv/data/digits", "/data/digits"), mount);
    }
}
