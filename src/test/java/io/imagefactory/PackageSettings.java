package io.imagefactory;

import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.reporters.QuietReporter;

/**
 * ApprovalTests settings for every test package: approved files live under src/test/resources
 * next to their fixtures, and a mismatch only leaves a {@code .received.} file to diff.
 */
public class PackageSettings {
  public static String ApprovalBaseDirectory = "../resources";
  public static ApprovalFailureReporter UseReporter = new QuietReporter();
}
