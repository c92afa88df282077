import type { ImbalanceText } from '../types.js';

export const imbalance: ImbalanceText = {
  title: 'A armadilha da acurácia: dados desbalanceados',
  summary: 'Por que "95% de acurácia" pode ser inútil quando 95% das respostas são "não", e o que relatar',
  trap: (v) => `**Um modelo com ${v.baseline} de acurácia e totalmente inútil**
Nos dados de AVC, só cerca de 1 paciente em cada 20 teve um AVC. Um "modelo" que responde "sem AVC" para todo mundo, sem olhar nada, acerta mais ou menos ${v.baseline} das vezes. E nunca encontra um único AVC.
Essa é a **armadilha da acurácia**, e é fácil cair nela: as aulas que inspiraram este projeto caíram, comemorando uma acurácia alta que a resposta trivial já tinha. Este fio mostra a armadilha com contas de verdade, e a saída dela.`,
  alwaysNo: (v) => `**Os números**
O nosso conjunto tem ${v.rows} pacientes, dos quais ${v.positives} tiveram AVC (${v.rate}).
Responder "não" para todos: acurácia de **${v.accuracy}**, AVCs encontrados: **0**.
Toda acurácia nestes dados precisa ser comparada com essa linha de base, e não com 50%.
_${v.notice}_`,
  naive: (v) => `**Uma rede também cai nela**
Treinamos uma rede do jeito ingênuo: perda comum e "AVC" sempre que a probabilidade for pelo menos 0,5. Em ${v.testRows} pacientes de teste que ela nunca viu:
- acurácia de **${v.accuracy}** (a linha de base de sempre dizer "não", nas mesmas linhas: ${v.baseline});
- sensibilidade (recall) de **${v.recall}**: ela encontrou ${v.found} dos ${v.positives} AVCs.
Por quê? 95% dos exemplos são pacientes sem AVC, então o jeito mais barato de baixar a perda é puxar para o "não": as probabilidades previstas ficam baixas e quase nunca chegam a 0,5. Mesmo assim, a AUC ROC dela é ${v.auc}: na maioria das vezes ela coloca quem teve AVC acima de quem não teve. A ordenação está lá; o corte ingênuo em 0,5 a desperdiça.`,
  naiveAlt: 'Matriz de confusão da rede ingênua: praticamente todos os pacientes previstos como "sem AVC".',
  metrics: `**Números que o "sempre não" não engana**
Conte os quatro resultados da matriz de confusão: verdadeiros positivos (VP, AVCs encontrados), falsos negativos (FN, AVCs perdidos), falsos positivos (FP, alarmes falsos) e verdadeiros negativos (VN).
- **Sensibilidade** (recall) = VP / (VP + FN): dos AVCs reais, quantos foram encontrados. O "sempre não" tira 0.
- **Precisão** = VP / (VP + FP): dos alarmes, quantos eram reais.
- **AUC ROC**: a chance de um paciente com AVC, sorteado ao acaso, receber uma nota maior do que um sem AVC. 0,5 é cara ou coroa, 1 é perfeito, e ela não depende de limiar nenhum.
Relate esses números ao lado da acurácia, e sempre com a linha de base.`,
  fixes: (v) => `**Duas correções, as duas na receita de AVC do bot**
1. **Pesos de classe**: fazer cada AVC contar mais na perda. Pesando cada classe por n / (2 · a sua contagem), "não" fica com ${v.weightNo} e "AVC" com ${v.weightYes}: um AVC passa a pesar tanto quanto uns ${v.ratio} pacientes sem AVC, e cada classe responde por metade da perda. Ignorar os AVCs deixa de ser barato.
2. **Escolher o limiar na validação**: em vez de 0,5, usar o corte que melhor equilibra achar AVCs e evitar alarmes falsos (o J de Youden = sensibilidade + especificidade - 1), escolhido nas linhas de validação, nunca nas de teste.
(Outra opção, a sobreamostragem, repete as linhas raras; o \`/train\` também oferece.)`,
  balanced: (v) => `**O resultado**
Mesmos dados, rede do mesmo tamanho, com pesos de classe e limiar escolhido na validação (${v.threshold}), nos mesmos pacientes de teste:
- sensibilidade de **${v.recall}**: encontra ${v.found} dos ${v.positives} AVCs;
- precisão de ${v.precision}: no caminho, dispara ${v.falseAlarms} alarmes falsos;
- AUC ROC de ${v.auc}; acurácia de ${v.accuracy}, *menor* que a da linha de base inútil.
Essa é a troca honesta: para achar AVCs, um modelo de triagem tem que aceitar alarmes falsos. Acurácia menor, utilidade muito maior.`,
  balancedAlt: 'Matriz de confusão da rede com pesos de classe: a maioria dos AVCs encontrada, com vários alarmes falsos.',
  rocAlt: 'Curva ROC da rede com pesos de classe nos pacientes de teste, bem acima da diagonal do acaso.',
  rules: `**Regras para dados desbalanceados**
- Mostre sempre a linha de base (a acurácia de responder a classe majoritária).
- Relate sensibilidade, precisão e AUC ROC (e também a AUC PR quando os positivos são muito raros).
- Faça a classe rara contar (pesos de classe ou sobreamostragem) e escolha o limiar na validação.
- Use divisões estratificadas, para que cada parte tenha a sua cota da classe rara.
Estes números vêm de dados sintéticos e de um bot educativo: não são orientação médica. O \`stroke-demo\` percorre o pipeline inteiro.`,
};
