# One image for the bot, the workers and the dashboard (docker-compose.yml picks the command).
# TypeScript runs through tsx (as in development), so there is no build step; fonts come from the
# dejavu-fonts-ttf package, so the slim image needs no system fonts.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
# tsx is a dev dependency and runs the entry points, so dev dependencies stay.
RUN npm ci && npm cache clean --force
COPY . .
USER node
CMD ["npm", "run", "worker"]
