import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '**/.next/**', '.next-*/**', 'next-env.d.ts', 'test-results/**', 'tests/output/**', 'bench/tmp/**'],
  },
];

export default eslintConfig;
