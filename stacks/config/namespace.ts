/** The Pulumi config namespace of the platform's keys (the project name). */
export const configNamespace = "foundry-platform";
