/**
 * The component package's entry: `pulumi package add` runs it (PulumiPlugin.yaml, runtime nodejs) and
 * it serves the published components to Pulumi programs in every language, with a schema inferred
 * from their TypeScript argument and output types (docs/multi-language.md).
 */
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { packageName, publishedComponents } from "./provider/components";

void componentProviderHost({ name: packageName, components: [...publishedComponents], dirname: __dirname });
