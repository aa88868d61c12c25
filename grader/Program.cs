using Course.Grader;

return await GraderCli.RunAsync(args);
