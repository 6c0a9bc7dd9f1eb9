import { basename, type DockerInstruction } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import { buildPackages, buildStep, installedPackages, removesPackages } from '../commands.ts';
import { block, code, finding, type Rule, type RuleContext } from '../rule.ts';

interface Leftover {
  run: DockerInstruction;
  packages: string[];
  steps: string[];
}

/**
 * DH003: compilers, headers or a build step in the stages that become the image. A multi-stage
 * build keeps them in a build stage and copies only the result into the final one.
 */
export const buildToolsRule: Rule = (ctx) => {
  const leftovers: Leftover[] = [];
  for (const stage of [...ctx.shipped].reverse()) {
    for (const run of stage.instructions) {
      const commands = run.keyword === 'RUN' ? (run.shell?.commands ?? []) : [];
      if (commands.length === 0) continue;
      const removed = commands.some(removesPackages);
      const packages = removed ? [] : buildPackages(commands.flatMap(installedPackages));
      const steps = [...new Set(commands.flatMap((c) => buildStep(c) ?? []))];
      if (packages.length || steps.length) leftovers.push({ run, packages, steps });
    }
  }
  const [first] = leftovers;
  return first ? [leftoverFinding(first, leftovers, ctx)] : [];
};

function leftoverFinding(first: Leftover, all: Leftover[], ctx: RuleContext): ReviewFinding {
  const { t } = ctx;
  const packages = [...new Set(all.flatMap((l) => l.packages))];
  const steps = [...new Set(all.flatMap((l) => l.steps))];
  const list = (items: string[]) => items.slice(0, 6).map(code).join(', ');
  const why = {
    packages: t({
      ko: `빌드할 때만 필요한 패키지(${list(packages)})가 실행할 이미지에 그대로 남아요.`,
      en: `Packages needed only to build (${list(packages)}) stay in the image that runs.`,
    }),
    steps: t({
      ko: `이미지 안에서 빌드(${list(steps)})해서, 컴파일러와 SDK가 실행할 이미지에 그대로 남아요.`,
      en: `The build (${list(steps)}) runs inside the image, so the compiler and SDK stay in the image that runs.`,
    }),
  };
  return finding(
    'DH003',
    first.run,
    {
      title: t({ ko: '빌드 도구가 최종 이미지에 남아요', en: 'Build tools stay in the final image' }),
      detail: [
        ...(packages.length ? [why.packages] : []),
        ...(steps.length ? [why.steps] : []),
        t({
          ko: '용량(수백 MB)을 차지하고 공격에 쓸 도구도 늘려요. 다단계 빌드로 빌드는 앞 단계에서 하고 결과물만 `COPY --from`으로 가져오면 최종 이미지에서 빠져요.',
          en: 'They take hundreds of MB and hand tools to an attacker. With a multi-stage build the build happens in an earlier stage and only its result is copied over with `COPY --from`.',
        }),
      ].join(' '),
      next:
        t({ ko: '빌드 단계와 실행 단계로 나누세요:', en: 'Split it into a build stage and a run stage:' }) +
        '\n' +
        skeleton(steps, packages, ctx),
    },
    { evidence: all.slice(0, 3).map((l) => l.run) },
  );
}

function skeleton(steps: string[], packages: string[], ctx: RuleContext): string {
  const { t } = ctx;
  const base = ctx.final.from.written || 'debian:bookworm-slim';
  const python = /(^|\/)python:/.test(base) || ctx.shipped.some((s) => s.instructions.some(usesPip));
  if (python && steps.length === 0) {
    return block([
      `FROM ${base} AS build`,
      `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ') || 'gcc'}`,
      'COPY requirements.txt .',
      'RUN pip wheel --wheel-dir /wheels -r requirements.txt',
      '',
      `FROM ${base}`,
      t({
        ko: '# 실행에 필요한 라이브러리만 (예: libpq-dev 대신 libpq5)',
        en: '# only the libraries the app needs at run time (e.g. libpq5, not libpq-dev)',
      }),
      'COPY --from=build /wheels /wheels',
      'RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels',
    ]);
  }
  if (steps.some((s) => s.startsWith('go '))) {
    return block([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /out/app .',
      '',
      'FROM alpine:3.20',
      'COPY --from=build /out/app /usr/local/bin/app',
      'CMD ["app"]',
    ]);
  }
  if (steps.includes('gradle build') || steps.includes('mvn package')) {
    const gradle = steps.includes('gradle build');
    return block([
      'FROM eclipse-temurin:21-jdk AS build',
      'WORKDIR /src',
      'COPY . .',
      gradle ? 'RUN ./gradlew build -x test' : 'RUN ./mvnw -q package -DskipTests',
      '',
      'FROM eclipse-temurin:21-jre',
      gradle
        ? 'COPY --from=build /src/build/libs/*.jar /app/app.jar'
        : 'COPY --from=build /src/target/*.jar /app/app.jar',
      'CMD ["java", "-jar", "/app/app.jar"]',
    ]);
  }
  if (steps.some((s) => /^(npm|yarn|pnpm) run build$/.test(s) || s === 'tsc')) {
    return block([
      `FROM ${base} AS build`,
      'WORKDIR /app',
      'COPY package*.json ./',
      'RUN npm ci',
      'COPY . .',
      'RUN npm run build',
      '',
      `FROM ${base}`,
      'WORKDIR /app',
      'COPY package*.json ./',
      'RUN npm ci --omit=dev',
      'COPY --from=build /app/dist ./dist',
      'CMD ["node", "dist/index.js"]',
    ]);
  }
  return block([
    `FROM ${base} AS build`,
    t({ ko: '# 지금의 도구 설치와 빌드 RUN은 여기에', en: '# today’s tool installs and build RUNs go here' }),
    '',
    `FROM ${base}`,
    t({
      ko: 'COPY --from=build <빌드 결과물> <실행할 위치>',
      en: 'COPY --from=build <build output> <where it runs>',
    }),
  ]);
}

function usesPip(instruction: DockerInstruction): boolean {
  return (instruction.shell?.commands ?? []).some(
    (c) => /^pip[0-9.]*$/.test(basename(c.name)) && c.args.includes('install'),
  );
}
