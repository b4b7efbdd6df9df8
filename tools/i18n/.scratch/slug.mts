import GithubSlugger from 'github-slugger';
import {slugify} from '../core/slug.ts';
const samples = ['Hello World', 'GET /contacts', 'Parámetros opcionales', "Esempio di Risposta (con `include_field_types=true`)", 'Ação — é ótimo!', 'a_b c-d  e', 'Émoji 🎉 test', 'Über³ ½ ①', '日本語 テスト', 'x.y:z', 'C++ & C#', 'Tab\there', 'ß ǅ ﬁ', 'Ⅻ ٣ ߁ x', 'é\u0301'].map(s=>s.replace('\\u0301','\u0301'));
for (const s of samples) { const a = GithubSlugger.slug(s); const b = slugify(s); console.log(a === b ? 'OK ' : 'BAD', JSON.stringify(s), a, b); }
