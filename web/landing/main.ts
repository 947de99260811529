import { createApp } from 'vue';
import '../shared/style.css';
import Landing from './Landing.vue';

createApp(Landing).mount('#app');
